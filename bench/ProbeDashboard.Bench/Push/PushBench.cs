using System.Diagnostics;
using Microsoft.Data.Sqlite;
using ProbeDashboard.Bench.Ui;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Push;

namespace ProbeDashboard.Bench.Push;

/// <summary>
/// <c>push --monitors M [--interval I] [--duration T] [--runs R] [--warmup W] [--kinds none,push,http,floor]</c>: the
/// real server with M push monitors pinged by this process at their period, side by side with the same server with no
/// monitors at all ("none", what the push monitors add to), probing M HTTP monitors at the same interval, and a bare
/// Kestrel endpoint (the bench's own target process) sent the same requests at the same rate ("floor": what receiving
/// that many HTTP requests costs before any work of ours, which no push endpoint can go under), alternating R times (a
/// shared machine drifts; alternation spreads the drift over all four). Server CPU comes from /proc over T measured
/// seconds after a warm-up of W seconds (one interval by default; the JIT still compiles the hot path for a minute or
/// two after a start, so a longer warm-up measures the steady cost); pings and targets run in other processes, as they
/// would.
/// </summary>
public static class PushBench
{
    public static async Task<int> RunAsync(IEnumerable<string> args)
    {
        // --kinds push,http (any of none, push, http, floor; all four by default) measures only those, for A/B runs.
        var list = args.ToList();
        var at = list.IndexOf("--kinds");
        var kinds = at >= 0 && at + 1 < list.Count ? list[at + 1].Split(',').ToHashSet(StringComparer.OrdinalIgnoreCase) : null;
        if (at >= 0) list.RemoveRange(at, Math.Min(2, list.Count - at));
        bool Measures(string kind) => kinds is null || kinds.Contains(kind);
        var get = NamedNumbers.Parse(list);
        var (monitors, interval, duration, runs) = (get("monitors", 10000), get("interval", 30), get("duration", 60), get("runs", 2));
        var warmup = get("warmup", interval);
        using var target = await TargetProcess.StartAsync(4, 0);
        Console.WriteLine($"| kind | monitors | interval | measured | results/s stored / expected | server CPU (of one core) | RSS |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        for (var run = 0; run < runs; run++)
        {
            foreach (var kind in new[] { Kind.None, Kind.Push, Kind.Http }.Where(k => Measures(k.ToString())))
                Console.WriteLine(await MeasureAsync(kind, kind == Kind.None ? 0 : monitors, interval, warmup, duration, target.Ports));
            if (Measures("floor")) Console.WriteLine(await MeasureFloorAsync(target, monitors, interval, warmup, duration));
        }
        return 0;
    }

    private enum Kind { None, Push, Http }

    private static async Task<string> MeasureAsync(Kind kind, int monitors, int interval, int warmup, int duration, IReadOnlyList<int> ports)
    {
        var data = Directory.CreateTempSubdirectory("probedashboard-pushbench-").FullName;
        try
        {
            var now = DateTime.UtcNow;
            var push = kind == Kind.Push;
            var definitions = Enumerable.Range(0, monitors).Select(i => push
                ? PushMonitor(i, interval, now)
                : BenchDataDirectory.HttpMonitor(i, $"http://127.0.0.1:{ports[i % ports.Count]}/ok", interval, now)).ToList();
            await BenchDataDirectory.SeedMonitorsAsync(data, definitions);
            SqliteConnection.ClearAllPools();

            // Every ping comes from 127.0.0.1: the per-IP limit would refuse them; a real fleet pings from many addresses.
            await using var server = await DashboardProcess.StartAsync(data, Math.Min(interval, 5), "--RateLimits:Push:PermitLimit=100000000");
            using var stop = new CancellationTokenSource();
            var pinger = push
                ? new PushPinger(server.BaseUrl, definitions.Select(d => PushTokens.UrlPath(d.PushToken!)).ToList(), TimeSpan.FromSeconds(interval))
                : null;
            var pinging = pinger?.RunAsync(stop.Token) ?? Task.CompletedTask;

            await Task.Delay(TimeSpan.FromSeconds(warmup));
            var (cpuBefore, storedBefore, clock) = (server.CpuTime(), await CountResultsAsync(data), Stopwatch.StartNew());
            await Task.Delay(TimeSpan.FromSeconds(duration));
            var cpu = (server.CpuTime() - cpuBefore).TotalSeconds / clock.Elapsed.TotalSeconds;
            var stored = (await CountResultsAsync(data) - storedBefore) / clock.Elapsed.TotalSeconds;
            var rss = server.ResidentBytes();
            await stop.CancelAsync();
            await pinging;
            var failed = pinger is { Failed: > 0 } ? $" ({pinger.Failed} pings failed)" : "";
            return $"| {kind switch { Kind.Push => "push", Kind.Http => "HTTP", _ => "none" }} | {monitors:N0} | {interval} s | {duration} s | {stored:F1} / {monitors / (double)interval:F1}{failed} | {cpu:P1} | {rss / 1048576.0:F0} MB |";
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>The same requests at the same rate to the target process's bare <c>/ok</c> endpoint, its CPU measured alike.</summary>
    private static async Task<string> MeasureFloorAsync(TargetProcess target, int requests, int interval, int warmup, int duration)
    {
        var port = target.Ports[0];
        var pinger = new PushPinger($"http://127.0.0.1:{port}", Enumerable.Repeat("/ok", requests).ToList(), TimeSpan.FromSeconds(interval));
        using var stop = new CancellationTokenSource();
        var pinging = pinger.RunAsync(stop.Token);
        await Task.Delay(TimeSpan.FromSeconds(warmup));
        target.Process.Refresh();
        var (cpuBefore, clock) = (target.Process.TotalProcessorTime, Stopwatch.StartNew());
        await Task.Delay(TimeSpan.FromSeconds(duration));
        target.Process.Refresh();
        var cpu = (target.Process.TotalProcessorTime - cpuBefore).TotalSeconds / clock.Elapsed.TotalSeconds;
        var rss = target.Process.WorkingSet64;
        await stop.CancelAsync();
        await pinging;
        var failed = pinger.Failed > 0 ? $" ({pinger.Failed} requests failed)" : "";
        return $"| floor: bare Kestrel | {requests:N0} | {interval} s | {duration} s | {requests / (double)interval:F1} requests/s{failed} | {cpu:P1} | {rss / 1048576.0:F0} MB |";
    }

    private static MonitorDefinition PushMonitor(int index, int periodSeconds, DateTime now)
    {
        var monitor = new MonitorDefinition
        {
            Name = $"bench-push-{index:D5}",
            Kind = MonitorKind.Push,
            Target = "",
            IntervalSeconds = periodSeconds,
            EnableAlert = true,
            FailThreshold = 3,
            Push = new PushProbeOptions { PeriodSeconds = periodSeconds, GraceSeconds = 60 },
            CreatedAt = now,
            UpdatedAt = now,
        };
        monitor.ArmPush(now);
        return monitor;
    }

    private static async Task<long> CountResultsAsync(string data)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(data, "probedashboard.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM ProbeResults";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
