using System.Diagnostics;
using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Bench.Ui;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.StatusPages;

namespace ProbeDashboard.Bench.StatusPages;

/// <summary>
/// Issue #17's figure: requests per second on a published status page of 50 monitors while every monitor of the
/// server probes. The real server process on a data directory seeded as after D days (rollups for the 90-day bars),
/// Debian's <c>wrk</c> against 127.0.0.1 only. Run:
/// <c>ProbeDashboard.Bench status-page --monitors 10000 --days 90 --interval 30 --window 30 [--data DIR]</c>.
/// Seeding 10,000 monitors takes minutes, so <c>--data DIR</c> keeps the seeded directory for the next run (it is
/// seeded when it holds no database yet); runs of two builds against one directory compare the builds, not the seeds.
/// wrk runs twice: without Accept-Encoding (every byte of the page sent), then with a browser's.
/// </summary>
public static class StatusPageBench
{
    private const string Slug = "bench";
    private const int PageMonitors = 50;
    private const int Connections = 64;

    public static async Task<int> RunAsync(IEnumerable<string> args)
    {
        var (kept, rest) = DataOption(args);
        var options = UiBenchOptions.Parse(rest);
        using var target = await TargetProcess.StartAsync(4, 0);
        var data = kept ?? Directory.CreateTempSubdirectory("probedashboard-statusbench-").FullName;
        var seedFile = Path.Combine(data, "bench-seeded");
        try
        {
            if (File.Exists(seedFile))
            {
                // The monitors probe the targets' ports of the run that seeded: point them at this run's targets.
                await RetargetAsync(data, target.Ports);
                Console.WriteLine($"Reusing the seeded directory {data}");
            }
            else
            {
                Directory.CreateDirectory(data);
                var seeding = Stopwatch.StartNew();
                await UiBenchSeed.SeedAsync(data, options, target.Ports);
                await CreatePageAsync(data);
                SqliteConnection.ClearAllPools();
                await File.WriteAllTextAsync(seedFile, $"{options.Monitors} monitors, {options.Days} days");
                Console.WriteLine($"Seeded {options.Monitors} monitors with {options.Days} days of rollups and a page of {PageMonitors} in {seeding.Elapsed.TotalSeconds:F0} s");
            }

            await using var server = await DashboardProcess.StartAsync(data, Math.Min(options.IntervalSeconds, 5));
            Console.WriteLine($"Server up at {server.BaseUrl}; warming up for {options.IntervalSeconds + 10} s");
            await Task.Delay(TimeSpan.FromSeconds(options.IntervalSeconds + 10));
            using (var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) })
            {
                using var page = await http.GetAsync($"/status/{Slug}");
                var html = await page.Content.ReadAsStringAsync();
                if (page.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"GET /status/{Slug} answered {(int)page.StatusCode}");
                Console.WriteLine($"page: {html.Length / 1024.0:F0} KiB of HTML, {html.Split("class=\"monitor\"").Length - 1} monitors");
            }

            foreach (var encoding in new[] { null, BrowserAcceptEncoding })
            {
                var results = await UiBenchSeed.FirstAsync<long>(data, "SELECT COUNT(*) FROM ProbeResults");
                var cpu = server.CpuTime();
                var clock = Stopwatch.StartNew();
                var wrk = await WrkAsync($"{server.BaseUrl}/status/{Slug}", options.WindowSeconds, encoding);
                var wall = clock.Elapsed;
                var cpuShare = (server.CpuTime() - cpu) / wall;
                var probed = await UiBenchSeed.FirstAsync<long>(data, "SELECT COUNT(*) FROM ProbeResults") - results;
                Console.WriteLine($"--- Accept-Encoding: {encoding ?? "(none)"}, load average {LoadAverage()}");
                Console.WriteLine(wrk);
                Console.WriteLine($"while wrk ran: {probed / wall.TotalSeconds:F0} probe results/s stored (expected {options.Monitors / (double)options.IntervalSeconds:F0}/s), " +
                    $"server CPU {cpuShare:P0} of one core, RSS {server.ResidentBytes() / 1048576.0:F0} MB");
            }
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (kept is null) Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>What Chromium and Firefox send.</summary>
    private const string BrowserAcceptEncoding = "gzip, deflate, br, zstd";

    /// <summary>Takes <c>--data DIR</c> out of the command line: the only option that is not a number.</summary>
    private static (string? Data, List<string> Others) DataOption(IEnumerable<string> args)
    {
        var list = args.ToList();
        var at = list.IndexOf("--data");
        if (at < 0) return (null, list);
        if (at + 1 >= list.Count) throw new ArgumentException("--data needs a directory");
        var data = Path.GetFullPath(list[at + 1]);
        list.RemoveRange(at, 2);
        return (data, list);
    }

    /// <summary>Spreads the monitors over this run's target ports, as seeding spread them over its own.</summary>
    private static Task<int> RetargetAsync(string data, IReadOnlyList<int> ports)
    {
        var cases = string.Join(' ', ports.Select((port, i) => $"WHEN {i} THEN 'http://127.0.0.1:{port}/ok'"));
        return UiBenchSeed.ExecuteAsync(data, $"UPDATE \"Monitors\" SET \"Target\" = CASE \"Id\" % {ports.Count} {cases} END");
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    /// <summary>A published page of the first 50 monitors in five sections, through Core's service as the API would.</summary>
    private static Task CreatePageAsync(string data) => BenchDataDirectory.WithCoreAsync(data, async services =>
    {
        var ids = await UiBenchSeed.ListAsync(data, $"SELECT Id FROM Monitors ORDER BY Id LIMIT {PageMonitors}");
        var sections = ids.Chunk(10).Select((chunk, i) => new StatusPageSectionInput($"Region {i + 1}",
            [.. chunk.Select((id, j) => new StatusPageItemInput((int)id, $"Service {i * 10 + j + 1}"))])).ToList();
        var saved = await services.GetRequiredService<StatusPageService>().CreateAsync(Actor.System,
            new StatusPageInput(Slug, "Bench status", "All services", null, sections, true, "Footer", true), CancellationToken.None);
        if (saved.Outcome != StatusPageOutcome.Done) throw new InvalidOperationException("page not created: " + saved.Message);
    });

    /// <summary>Debian's wrk, 2 threads and 64 connections, against 127.0.0.1 only.</summary>
    private static async Task<string> WrkAsync(string url, int seconds, string? acceptEncoding)
    {
        if (!url.StartsWith("http://127.0.0.1:", StringComparison.Ordinal)) throw new InvalidOperationException("wrk runs against 127.0.0.1 only");
        var info = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-t2", $"-c{Connections}", $"-d{seconds}s", "--latency" }) info.ArgumentList.Add(arg);
        if (acceptEncoding is not null) { info.ArgumentList.Add("-H"); info.ArgumentList.Add("Accept-Encoding: " + acceptEncoding); }
        info.ArgumentList.Add(url);
        using var wrk = Process.Start(info) ?? throw new InvalidOperationException("wrk did not start (apt-get install wrk)");
        var output = wrk.StandardOutput.ReadToEndAsync();
        var errors = wrk.StandardError.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        return await output + await errors;
    }
}
