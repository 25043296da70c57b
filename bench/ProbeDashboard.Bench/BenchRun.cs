using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core;
using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Events;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Probing;
using ProbeDashboard.Core.Results;
using ProbeDashboard.Core.Storage;
using ProbeDashboard.Operations.Metrics;
using ProbeDashboard.Probing;

namespace ProbeDashboard.Bench;

/// <summary>
/// One measured run: the real scheduler, probes and writer in this process, M HTTP monitors against the
/// target process on 127.0.0.1, a warm-up, then T seconds of measurement, then a clean stop and a count of
/// what was stored.
/// </summary>
public static class BenchRun
{
    /// <param name="external">Targets someone else runs (side-by-side mode: nginx); none starts the bench's own target process.</param>
    public static async Task<BenchReport> RunAsync(BenchOptions options, SideBySide.ExternalTargets? external = null)
    {
        if (options.Nodes > 1) return await Cluster.ClusterBenchRun.RunAsync(options);
        using var target = external is null ? await TargetProcess.StartAsync(options.Ports, options.DelayMs) : null;
        var data = Directory.CreateTempSubdirectory("probedashboard-bench-").FullName;
        await using var postgres = options.OnPostgres ? await Cluster.BenchPostgres.StartAsync() : null;
        var report = new BenchReport();
        try
        {
            using var host = BuildHost(options, StorageSettings(data, postgres?.ConnectionString));
            await host.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
            await SeedMonitorsAsync(host.Services, options, target?.Ports ?? [], external?.UrlFor);
            await StartTimedAsync(host);
            Console.WriteLine($"Scheduled {options.Monitors} monitors on {(postgres is null ? "SQLite" : "PostgreSQL")}; warming up for {options.WarmupSeconds}s, then measuring for {options.DurationSeconds}s");
            await MeasureAsync(host, options, external?.Process ?? target!.Process, report);
            report.Stored = await CountStoredAsync(host.Services);
            report.Failed = await CountStoredAsync(host.Services, failedOnly: true);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (!options.KeepData) Directory.Delete(data, recursive: true);
            else Console.WriteLine("Data kept in " + data);
        }
        return report;
    }

    /// <summary>
    /// Starts the host and prints what start-up costs at this size: the time until it has started (the whole schedule
    /// built), until the first probe, and the RSS then.
    /// </summary>
    private static async Task StartTimedAsync(IHost host)
    {
        var dispatcher = host.Services.GetRequiredService<ProbeDispatcher>();
        var (clock, cpu) = (Stopwatch.StartNew(), Process.GetCurrentProcess().TotalProcessorTime);
        await host.StartAsync();
        var (started, startCpu) = (clock.Elapsed, CpuSince(cpu));
        while (dispatcher.Started == 0 && clock.Elapsed < TimeSpan.FromMinutes(2)) await Task.Delay(10);
        Console.WriteLine($"Host started in {started.TotalSeconds:F1} s ({startCpu:F1} s of CPU), first probe after {clock.Elapsed.TotalSeconds:F1} s; RSS {Environment.WorkingSet / 1048576.0:F0} MB");
    }

    /// <summary>This process's CPU seconds since <paramref name="before"/> (a wall time on a busy machine says little).</summary>
    private static double CpuSince(TimeSpan before) => (Process.GetCurrentProcess().TotalProcessorTime - before).TotalSeconds;

    /// <summary>Where the data lives: the temp data directory, and the PostgreSQL database when there is one.</summary>
    public static Dictionary<string, string?> StorageSettings(string data, string? postgres) => postgres is null
        ? new() { ["Storage:DataDirectory"] = data }
        : new() { ["Storage:DataDirectory"] = data, ["Storage:Provider"] = "PostgreSQL", ["Storage:ConnectionString"] = postgres };

    /// <summary>
    /// Warms up, measures the started host for the options' duration (rounds, CPU, lateness, results committed), then
    /// stops it cleanly: stopping waits for running probes and drains the writer, so everything started is stored.
    /// </summary>
    public static async Task MeasureAsync(IHost host, BenchOptions options, Process? target, BenchReport report)
    {
        var self = Process.GetCurrentProcess();
        var dispatcher = host.Services.GetRequiredService<ProbeDispatcher>();
        await Task.Delay(TimeSpan.FromSeconds(options.WarmupSeconds));

        dispatcher.Lateness.Reset();
        var startedBefore = dispatcher.Started;
        var storedBefore = await CountStoredAsync(host.Services);
        var writer = host.Services.GetRequiredService<ResultWriterMetrics>();
        var (commitsBefore, commitSecondsBefore) = (writer.CommitSeconds.Count, writer.CommitSeconds.Sum);
        await using var profile = options.Profile ? await Profile.BenchProfile.StartAsync(options.DurationSeconds) : null;
        var cpuBefore = self.TotalProcessorTime;
        var targetCpuBefore = target?.TotalProcessorTime ?? TimeSpan.Zero;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(options.DurationSeconds))
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            self.Refresh();
            report.PeakRssBytes = Math.Max(report.PeakRssBytes, self.WorkingSet64);
            report.WindowPeakRssBytes = Math.Max(report.WindowPeakRssBytes, self.WorkingSet64);
            report.PeakInFlight = Math.Max(report.PeakInFlight, dispatcher.InFlight);
        }
        var wall = clock.Elapsed.TotalSeconds;
        profile?.WindowEnded();
        self.Refresh();
        target?.Refresh();
        report.ProbesPerSecond = (dispatcher.Started - startedBefore) / wall;
        report.CpuCores = (self.TotalProcessorTime - cpuBefore).TotalSeconds / wall;
        report.TargetCpuCores = ((target?.TotalProcessorTime ?? TimeSpan.Zero) - targetCpuBefore).TotalSeconds / wall;
        // Counted after the window's CPU so the count's own query is not in it; in a cluster, every node's results.
        report.CommittedPerSecond = (await CountStoredAsync(host.Services) - storedBefore) / clock.Elapsed.TotalSeconds;
        // Read with the stored count and over the same time, so "results each" divides like by like.
        var commits = writer.CommitSeconds.Count - commitsBefore;
        report.CommitsPerSecond = commits / clock.Elapsed.TotalSeconds;
        report.MeanCommitTime = commits == 0 ? TimeSpan.Zero : TimeSpan.FromSeconds((writer.CommitSeconds.Sum - commitSecondsBefore) / commits);
        report.LatenessP50 = dispatcher.Lateness.Percentile(0.50);
        report.LatenessP99 = dispatcher.Lateness.Percentile(0.99);
        report.LatenessMax = dispatcher.Lateness.Max;
        report.SkippedOverlapping = dispatcher.SkippedOverlapping;
        report.BusDropped = host.Services.GetRequiredService<EventBus>().DroppedTotal;
        var roundsInWindow = dispatcher.Started - startedBefore;

        await host.StopAsync();
        report.Started = dispatcher.Started;
        self.Refresh();
        report.PeakRssBytes = Math.Max(report.PeakRssBytes, self.PeakWorkingSet64);
        // Read after the peak is taken: parsing the trace needs memory that the pipeline does not.
        if (profile is not null) report.Profile = await profile.SummarizeAsync(report.CpuCores * wall, roundsInWindow);
    }

    public static IHost BuildHost(BenchOptions options, IReadOnlyDictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Probing:MinIntervalSeconds"] = options.MinIntervalSeconds.ToString(),
            ["Probing:ServerHostName"] = "bench",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddProbeDashboardCore(builder.Configuration);
        builder.AddProbing();
        // The alert engine consumes every committed batch; measure the pipeline with it, as the server runs it.
        builder.Services.AddAlerting(builder.Configuration);
        // The server's runtime metrics listen to the runtime's and System.Net's event sources, which then raise events
        // on every probe's HTTP exchange: measure with them on, as the server runs.
        builder.Services.AddSingleton<RuntimeMetrics>();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(60));
        var host = builder.Build();
        host.Services.GetRequiredService<RuntimeMetrics>();
        return host;
    }

    /// <summary>
    /// HTTP monitors spread over the target's ports (or at <paramref name="urlFor"/>'s address for monitor i); every
    /// fourth one also checks a keyword in the body.
    /// </summary>
    public static async Task SeedMonitorsAsync(IServiceProvider services, BenchOptions options, IReadOnlyList<int> ports, Func<int, string>? urlFor = null)
    {
        urlFor ??= i => $"http://127.0.0.1:{ports[i % ports.Count]}/ok";
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var (seeding, cpu) = (Stopwatch.StartNew(), Process.GetCurrentProcess().TotalProcessorTime);
        await BenchDataDirectory.AddMonitorsAsync(services, Enumerable.Range(0, options.Monitors).Select(i => new MonitorDefinition
        {
            Name = $"bench-{i}",
            Kind = MonitorKind.Http,
            Target = urlFor(i),
            IntervalSeconds = options.IntervalSeconds,
            TimeoutSeconds = Math.Max(1, Math.Min(10, options.IntervalSeconds - 1)),
            Http = new HttpProbeOptions { Keyword = i % 4 == 0 ? "ok" : null },
            EnableAlert = true,
            FailThreshold = 3,
            CreatedAt = now,
            UpdatedAt = now,
        }));
        Console.WriteLine($"Seeded {options.Monitors} monitors in {seeding.Elapsed.TotalSeconds:F1} s ({CpuSince(cpu):F1} s of CPU); RSS {Environment.WorkingSet / 1048576.0:F0} MB");
    }

    /// <summary>Rows in ProbeResults, through the host's own database (either provider); still usable after a stop.</summary>
    public static async Task<long> CountStoredAsync(IServiceProvider services, bool failedOnly = false)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<ProbeDbContext>>().CreateDbContextAsync();
        return failedOnly ? await db.ProbeResults.LongCountAsync(r => !r.Success) : await db.ProbeResults.LongCountAsync();
    }
}
