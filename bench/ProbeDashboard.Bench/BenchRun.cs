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
using ProbeDashboard.Core.Storage;
using ProbeDashboard.Probing;

namespace ProbeDashboard.Bench;

/// <summary>
/// One measured run: the real scheduler, probes and writer in this process, M HTTP monitors against the
/// target process on 127.0.0.1, a warm-up, then T seconds of measurement, then a clean stop and a count of
/// what was stored.
/// </summary>
public static class BenchRun
{
    public static async Task<BenchReport> RunAsync(BenchOptions options)
    {
        using var target = await TargetProcess.StartAsync(options.Ports, options.DelayMs);
        var data = Directory.CreateTempSubdirectory("probedashboard-bench-").FullName;
        var self = Process.GetCurrentProcess();
        var report = new BenchReport();
        try
        {
            using (var host = BuildHost(data, options))
            {
                await host.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
                await SeedMonitorsAsync(host.Services, options, target.Ports);
                await host.StartAsync();
                var dispatcher = host.Services.GetRequiredService<ProbeDispatcher>();
                Console.WriteLine($"Scheduled {options.Monitors} monitors; warming up for {options.WarmupSeconds}s, then measuring for {options.DurationSeconds}s");
                await Task.Delay(TimeSpan.FromSeconds(options.WarmupSeconds));

                dispatcher.Lateness.Reset();
                var startedBefore = dispatcher.Started;
                var cpuBefore = self.TotalProcessorTime;
                var targetCpuBefore = target.Process.TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                while (clock.Elapsed < TimeSpan.FromSeconds(options.DurationSeconds))
                {
                    await Task.Delay(TimeSpan.FromSeconds(1));
                    self.Refresh();
                    report.PeakRssBytes = Math.Max(report.PeakRssBytes, self.WorkingSet64);
                    report.PeakInFlight = Math.Max(report.PeakInFlight, dispatcher.InFlight);
                }
                var wall = clock.Elapsed.TotalSeconds;
                self.Refresh();
                target.Process.Refresh();
                report.ProbesPerSecond = (dispatcher.Started - startedBefore) / wall;
                report.CpuCores = (self.TotalProcessorTime - cpuBefore).TotalSeconds / wall;
                report.TargetCpuCores = (target.Process.TotalProcessorTime - targetCpuBefore).TotalSeconds / wall;
                report.LatenessP50 = dispatcher.Lateness.Percentile(0.50);
                report.LatenessP99 = dispatcher.Lateness.Percentile(0.99);
                report.LatenessMax = dispatcher.Lateness.Max;
                report.SkippedOverlapping = dispatcher.SkippedOverlapping;
                report.BusDropped = host.Services.GetRequiredService<EventBus>().DroppedTotal;

                // Stopping waits for running probes and drains the writer: everything started must be stored.
                await host.StopAsync();
                report.Started = dispatcher.Started;
                self.Refresh();
                report.PeakRssBytes = Math.Max(report.PeakRssBytes, self.PeakWorkingSet64);
            }
            report.Stored = await CountStoredAsync(data);
            report.Failed = await CountStoredAsync(data, "WHERE Success = 0");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (!options.KeepData) Directory.Delete(data, recursive: true);
            else Console.WriteLine("Data kept in " + data);
        }
        return report;
    }

    private static IHost BuildHost(string data, BenchOptions options)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = data,
            ["Probing:MinIntervalSeconds"] = options.MinIntervalSeconds.ToString(),
            ["Probing:ServerHostName"] = "bench",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.Services.AddProbeDashboardCore(builder.Configuration);
        builder.AddProbing();
        // The alert engine consumes every committed batch; measure the pipeline with it, as the server runs it.
        builder.Services.AddAlerting(builder.Configuration);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(60));
        return builder.Build();
    }

    /// <summary>HTTP monitors spread over the target's ports; every fourth one also checks a keyword in the body.</summary>
    private static async Task SeedMonitorsAsync(IServiceProvider services, BenchOptions options, IReadOnlyList<int> ports)
    {
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        await using var db = await services.GetRequiredService<IDbContextFactory<ProbeDbContext>>().CreateDbContextAsync();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var i = 0; i < options.Monitors; i++)
        {
            db.Monitors.Add(new MonitorDefinition
            {
                Name = $"bench-{i}",
                Kind = MonitorKind.Http,
                Target = $"http://127.0.0.1:{ports[i % ports.Count]}/ok",
                IntervalSeconds = options.IntervalSeconds,
                TimeoutSeconds = Math.Max(1, Math.Min(10, options.IntervalSeconds - 1)),
                Http = new HttpProbeOptions { Keyword = i % 4 == 0 ? "ok" : null },
                EnableAlert = true,
                FailThreshold = 3,
                CreatedAt = now,
                UpdatedAt = now,
            });
        }
        await db.SaveChangesAsync();
    }

    private static async Task<long> CountStoredAsync(string data, string where = "")
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(data, "probedashboard.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM ProbeResults " + where;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
