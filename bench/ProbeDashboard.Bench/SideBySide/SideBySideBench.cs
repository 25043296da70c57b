using System.Globalization;

namespace ProbeDashboard.Bench.SideBySide;

/// <summary>
/// <c>side-by-side --monitors N --interval I [--duration T] [--warmup W] [--ports P] [--profile] [--ours-only|--theirs-only]</c>:
/// one nginx on 127.0.0.1 as the target of both systems; first our pipeline (the plain bench run, its monitors pointed
/// at nginx), then Prometheus + blackbox_exporter with the same targets, interval, warm-up and window; one table.
/// </summary>
public static class SideBySideBench
{
    public static async Task<int> RunAsync(IEnumerable<string> arguments)
    {
        var args = arguments.ToArray();
        var oursOnly = args.Contains("--ours-only");
        var theirsOnly = args.Contains("--theirs-only");
        var options = BenchOptions.Parse([.. args.Where(a => a is not ("--ours-only" or "--theirs-only"))]);
        if (options.Nodes > 1 || options.DelayMs > 0) throw new ArgumentException("side-by-side runs one node against nginx: no --nodes or --delay-ms");
        if (Tools.Find() is not { } tools) return 2;

        var work = Directory.CreateTempSubdirectory("probedashboard-side-by-side-").FullName;
        try
        {
            using var nginx = await NginxTarget.StartAsync(tools.Nginx, options.Ports, work);
            Console.WriteLine($"nginx (pid {nginx.Process.Id}) on 127.0.0.1 ports {nginx}; load average {TheirMeasurement.LoadAverage()}");

            BenchReport? ours = null;
            NginxTraffic? oursTraffic = null;
            var oursLoad = "";
            if (!theirsOnly)
            {
                var before = TheirMeasurement.LoadAverage();
                var logBefore = nginx.LogEnd();
                ours = await BenchRun.RunAsync(options, new ExternalTargets(nginx.Process, nginx.UrlFor));
                oursLoad = $"{before} → {TheirMeasurement.LoadAverage()}";
                ours.Print(options);
                await Task.Delay(TimeSpan.FromSeconds(1.5)); // nginx's log buffer
                oursTraffic = nginx.TrafficSince(logBefore);
            }

            TheirReport? theirs = null;
            if (!oursOnly)
            {
                Console.WriteLine($"Starting blackbox_exporter and prometheus with {options.Monitors} targets at {options.IntervalSeconds}s; warming up for {options.WarmupSeconds}s, then measuring for {options.DurationSeconds}s");
                using var stack = await PrometheusStack.StartAsync(tools, options.Monitors, options.IntervalSeconds, nginx.UrlFor, work);
                theirs = await TheirMeasurement.RunAsync(stack, nginx, options);
            }

            Print(options, ours, oursTraffic, oursLoad, theirs);
            return ours is { Lost: > 0 } ? 1 : 0;
        }
        finally
        {
            ChildProcesses.KillAll();
            Directory.Delete(work, recursive: true);
        }
    }

    private static void Print(BenchOptions options, BenchReport? ours, NginxTraffic? oursTraffic, string oursLoad, TheirReport? theirs)
    {
        var c = CultureInfo.InvariantCulture;
        static string Mb(long bytes) => $"{bytes / 1024.0 / 1024.0:F0} MB";
        Console.WriteLine();
        Console.WriteLine(string.Create(c, $"side by side: {options.Monitors:N0} HTTP monitors at {options.IntervalSeconds}s ({options.ExpectedProbesPerSecond:F1} probes/s expected), {options.DurationSeconds}s measured after {options.WarmupSeconds}s, {Environment.ProcessorCount} cores"));
        Console.WriteLine("| system | CPU (of one core) | RSS (peak in window) | probes/s | nginx CPU | failed | load average (1 min) |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        if (ours is not null)
            Console.WriteLine(string.Create(c, $"| ProbeDashboard | {ours.CpuCores * 100:F1} % | {Mb(ours.WindowPeakRssBytes)} (run peak {Mb(ours.PeakRssBytes)}) | {ours.ProbesPerSecond:F1} (p99 lateness {ours.LatenessP99.TotalMilliseconds:F0} ms, lost {ours.Lost}) | {ours.TargetCpuCores * 100:F1} % | {ours.Failed} results | {oursLoad} |"));
        if (theirs is not null)
            Console.WriteLine(string.Create(c, $"| Prometheus + blackbox_exporter | {theirs.CpuCores * 100:F1} % | {Mb(theirs.PeakRssBytes)} | {theirs.RequestsPerSecond:F1} (requests at nginx; {theirs.Targets:F0} targets) | {theirs.NginxCpuCores * 100:F1} % | {theirs.FailedProbes:F0} targets at last scrape | {theirs.Load} |"));
        if (ours is not null && theirs is not null)
        {
            var perProbeOurs = ours.CpuCores / ours.ProbesPerSecond * 1000;
            var perProbeTheirs = theirs.CpuCores / theirs.RequestsPerSecond * 1000;
            Console.WriteLine(string.Create(c, $"ours / theirs: CPU {ours.CpuCores / theirs.CpuCores:F2}, CPU per probe {perProbeOurs:F3} ms / {perProbeTheirs:F3} ms, RSS {(double)ours.WindowPeakRssBytes / theirs.PeakRssBytes:F2}"));
            Console.WriteLine();
            Console.WriteLine(string.Create(c,
                $"| {options.Monitors:N0} ({options.ExpectedProbesPerSecond:F0} probes/s) | {ours.CpuCores * 100:F1} % | {theirs.CpuCores * 100:F1} % | {ours.CpuCores / theirs.CpuCores:F2} | {Mb(ours.WindowPeakRssBytes)} | {Mb(theirs.PeakRssBytes)} | {ours.ProbesPerSecond:F0} / {theirs.RequestsPerSecond:F0} | {ours.LatenessP99.TotalMilliseconds:F0} ms | {ours.Lost} | {ours.TargetCpuCores * 100:F1} % / {theirs.NginxCpuCores * 100:F1} % | {oursLoad}; {theirs.Load} |"));
        }
        if (oursTraffic is not null)
            Console.WriteLine(string.Create(c, $"nginx, our whole run (warm-up, window, stop): {oursTraffic.Requests} requests, {oursTraffic.NewConnections} on a new connection"));
        if (theirs is not null)
            Console.WriteLine(string.Create(c, $"nginx, their window: {theirs.Traffic.Requests} requests, {theirs.Traffic.NewConnections} on a new connection"));
        if ((oursTraffic?.NotOk ?? 0) + (theirs?.Traffic.NotOk ?? 0) is var notOk and > 0)
            Console.WriteLine($"WARNING: nginx answered {notOk} requests with something other than 200");
    }
}
