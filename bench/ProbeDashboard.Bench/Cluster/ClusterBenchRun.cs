using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Storage;
using ProbeDashboard.TestEngines;

namespace ProbeDashboard.Bench.Cluster;

/// <summary>
/// <c>--nodes N</c>: a throwaway PostgreSQL and redis-server, the monitors seeded once, then N node processes (this
/// executable in <c>node</c> mode, so each one's CPU is its own) sharing the probing as server nodes do; each measures
/// itself over the same window. Lost = rounds started on all nodes − rows stored, after every node stopped cleanly.
/// </summary>
public static class ClusterBenchRun
{
    public const string ReportPrefix = "NODE-REPORT ";

    public static async Task<BenchReport> RunAsync(BenchOptions options)
    {
        using var target = await TargetProcess.StartAsync(options.Ports, options.DelayMs);
        await using var postgres = await BenchPostgres.StartAsync();
        await using var redis = await RedisServer.StartAsync();
        var data = Directory.CreateTempSubdirectory("probedashboard-bench-").FullName;
        try
        {
            using var seeder = BenchRun.BuildHost(options, BenchRun.StorageSettings(data, postgres.ConnectionString));
            await seeder.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
            await BenchRun.SeedMonitorsAsync(seeder.Services, options, target.Ports);
            Console.WriteLine($"Seeded {options.Monitors} monitors on PostgreSQL; starting {options.Nodes} nodes; warming up for {options.WarmupSeconds}s, then measuring for {options.DurationSeconds}s");

            var nodes = Enumerable.Range(1, options.Nodes)
                .Select(i => NodeProcess.RunAsync($"node{i}", Path.Combine(data, $"node{i}"), postgres.ConnectionString, redis.Configuration, options))
                .ToList();
            var reports = await Task.WhenAll(nodes);
            var total = Combine(reports);
            total.Stored = await BenchRun.CountStoredAsync(seeder.Services);
            total.Failed = await BenchRun.CountStoredAsync(seeder.Services, failedOnly: true);
            PrintNodes(reports);
            return total;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>The cluster as one: rates and CPU add up, lateness is the worst node's, committed/s is the database's.</summary>
    private static BenchReport Combine(IReadOnlyList<BenchReport> nodes) => new()
    {
        ProbesPerSecond = nodes.Sum(n => n.ProbesPerSecond),
        CommittedPerSecond = nodes.Average(n => n.CommittedPerSecond),
        CpuCores = nodes.Sum(n => n.CpuCores),
        LatenessP50 = nodes.Max(n => n.LatenessP50),
        LatenessP99 = nodes.Max(n => n.LatenessP99),
        LatenessMax = nodes.Max(n => n.LatenessMax),
        PeakRssBytes = nodes.Max(n => n.PeakRssBytes),
        PeakInFlight = nodes.Max(n => n.PeakInFlight),
        Started = nodes.Sum(n => n.Started),
        SkippedOverlapping = nodes.Sum(n => n.SkippedOverlapping),
        BusDropped = nodes.Sum(n => n.BusDropped),
    };

    private static void PrintNodes(IReadOnlyList<BenchReport> nodes)
    {
        var c = CultureInfo.InvariantCulture;
        for (var i = 0; i < nodes.Count; i++)
        {
            var n = nodes[i];
            Console.WriteLine(string.Create(c,
                $"node{i + 1}: probes/s {n.ProbesPerSecond:F1}, CPU {n.CpuCores * 100:F1}% of one core, lateness p50 {n.LatenessP50.TotalMilliseconds:F0} / p99 {n.LatenessP99.TotalMilliseconds:F0} / max {n.LatenessMax.TotalMilliseconds:F0} ms, peak RSS {n.PeakRssBytes / 1024.0 / 1024.0:F0} MB, started {n.Started}"));
        }
        Console.WriteLine("(the summary below adds the nodes' probes/s and CPU; lateness and RSS are the worst node's)");
    }

    /// <summary>The <c>node</c> mode's body: one server node's pipeline, measured, its report printed as one JSON line.</summary>
    public static async Task<int> RunNodeAsync(IEnumerable<string> args)
    {
        var list = args.ToList();
        var (name, data, postgres, redis) = (list[0], list[1], list[2], list[3]);
        var options = BenchOptions.Parse([.. list.Skip(4)]);
        var settings = BenchRun.StorageSettings(data, postgres);
        settings["Cluster:Redis"] = redis;
        settings["Cluster:NodeName"] = name;
        using var host = BenchRun.BuildHost(options, settings);
        await host.StartAsync();
        var report = new BenchReport();
        await BenchRun.MeasureAsync(host, options, target: null, report);
        Console.WriteLine(ReportPrefix + JsonSerializer.Serialize(report));
        return 0;
    }
}
