using System.Diagnostics;
using System.Runtime;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Monitors;

namespace ProbeDashboard.Bench.Ui;

/// <summary>
/// <c>list-query --monitors M [--days D] [--interval I]</c>: the first page of the monitors list as the server reads it,
/// in this process on a data directory seeded as the <c>ui</c> mode seeds it. The dashboard's server render of
/// /monitors does not hold the rows (the grid loads them over the circuit once it is live), so this times that load on
/// its own: the dashboard's page (down first, then by name, with each row's heartbeat bar) and the API's (by id).
/// Each read is timed twice: right after the start, and warm, as a running server reads it.
/// </summary>
public static class ListQueryBench
{
    private const int PageSize = 20;

    /// <summary>
    /// The JIT first compiles a method quickly and unoptimized (tier 0) and recompiles the hot ones optimized in the
    /// background once they have been called 30 times; EF Core, SQLite's ADO.NET provider and our code are not
    /// precompiled, so the reads after a start cost several times what a running server's reads do. "Warm" is timed
    /// once two batches of this many reads in a row compiled no method (or after <see cref="MaxWarmUp"/>).
    /// </summary>
    private const int WarmUpBatch = 50;
    private static readonly TimeSpan MaxWarmUp = TimeSpan.FromSeconds(90);

    public static async Task<int> RunAsync(IEnumerable<string> args)
    {
        var get = NamedNumbers.Parse(args);
        var options = new UiBenchOptions(get("monitors", 20000), get("days", 1), get("interval", 60), 0, 0, 0, 0, 0);
        var data = Directory.CreateTempSubdirectory("probedashboard-listbench-").FullName;
        try
        {
            var seeding = Stopwatch.StartNew();
            await UiBenchSeed.SeedAsync(data, options, [1]);
            Console.WriteLine($"Seeded {options.Monitors} monitors with {options.Days} days of rollups in {seeding.Elapsed.TotalSeconds:F0} s");
            await BenchDataDirectory.WithCoreAsync(data, async services =>
            {
                var queries = services.GetRequiredService<MonitorQueries>();
                var (all, downFirst, byId) = (new MonitorListFilter(), new MonitorSort(), new MonitorSort(MonitorSortField.Id));
                var firstPage = (await queries.ListAsync(Actor.System, all, downFirst, 0, PageSize, CancellationToken.None)).Rows.Select(r => r.Id).ToList();
                Console.WriteLine("dashboard's first page, rows (down first, then name; with 24 h rollups):" + await TimeAsync(() =>
                    queries.ListAsync(Actor.System, all, downFirst, 0, PageSize, CancellationToken.None)));
                Console.WriteLine("dashboard's first page, heartbeat bars (50 rounds of 20 monitors):" + await TimeAsync(() =>
                    queries.GetHeartbeatsAsync(Actor.System, firstPage, MonitorQueries.ListHeartbeatRounds, CancellationToken.None)));
                Console.WriteLine("API's first page (by id; with 24 h rollups):" + await TimeAsync(() =>
                    queries.ListAsync(Actor.System, all, byId, 0, PageSize, CancellationToken.None)));
            });
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>
    /// 30 timings after 3 warm-ups (the reads right after a start, as the earlier list figures were taken), then 30
    /// more once the JIT has settled, each with this process's CPU per read (all threads, so the JIT's background
    /// compiling too): on a shared machine the wall time is mostly waiting for a core, the CPU time is not.
    /// </summary>
    private static async Task<string> TimeAsync(Func<Task> read)
    {
        for (var i = 0; i < 3; i++) await read();
        var afterStart = await TimeReadsAsync(read);
        var warming = Stopwatch.StartNew();
        var (warmUpReads, quietBatches) = (0, 0);
        while (quietBatches < 2 && warming.Elapsed < MaxWarmUp)
        {
            var compiled = JitInfo.GetCompiledMethodCount();
            for (var i = 0; i < WarmUpBatch; i++) await read();
            warmUpReads += WarmUpBatch;
            quietBatches = JitInfo.GetCompiledMethodCount() == compiled ? quietBatches + 1 : 0;
        }
        var warm = await TimeReadsAsync(read);
        return $"{Environment.NewLine}  after the start: {Describe(afterStart)}" +
            $"{Environment.NewLine}  warm (after {warmUpReads} more reads in {warming.Elapsed.TotalSeconds:F0} s): {Describe(warm)}";
    }

    private static async Task<(List<double> Wall, double CpuMs, double JitMs)> TimeReadsAsync(Func<Task> read)
    {
        var times = new List<double>();
        var (cpu, jit) = (Process.GetCurrentProcess().TotalProcessorTime, JitInfo.GetCompilationTime());
        for (var i = 0; i < 30; i++)
        {
            var clock = Stopwatch.StartNew();
            await read();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        return (times, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / times.Count,
            (JitInfo.GetCompilationTime() - jit).TotalMilliseconds / times.Count);
    }

    private static string Describe((List<double> Wall, double CpuMs, double JitMs) timed) =>
        $"{NamedNumbers.Describe(timed.Wall)}; CPU {timed.CpuMs:F1} ms per read, of which JIT compiling {timed.JitMs:F1} ms";
}
