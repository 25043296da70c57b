using System.Diagnostics;
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
/// </summary>
public static class ListQueryBench
{
    private const int PageSize = 20;

    public static async Task<int> RunAsync(IEnumerable<string> args)
    {
        var get = NamedNumbers.Parse(args);
        var options = new UiBenchOptions(get("monitors", 20000), get("days", 1), get("interval", 60), 0, 0, 0, 0);
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
                Console.WriteLine("dashboard's first page, rows (down first, then name; with 24 h rollups): " + Describe(await TimeAsync(() =>
                    queries.ListAsync(Actor.System, all, downFirst, 0, PageSize, CancellationToken.None))));
                Console.WriteLine("dashboard's first page, heartbeat bars (50 rounds of 20 monitors): " + Describe(await TimeAsync(() =>
                    queries.GetHeartbeatsAsync(Actor.System, firstPage, MonitorQueries.ListHeartbeatRounds, CancellationToken.None))));
                Console.WriteLine("API's first page (by id; with 24 h rollups): " + Describe(await TimeAsync(() =>
                    queries.ListAsync(Actor.System, all, byId, 0, PageSize, CancellationToken.None))));
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
    /// 30 timings after 3 warm-ups, as the other list figures are taken, and this process's CPU per read: on a shared
    /// machine the wall time is mostly waiting for a core, the CPU time is not.
    /// </summary>
    private static async Task<(List<double> Wall, double CpuMs)> TimeAsync(Func<Task> read)
    {
        var times = new List<double>();
        var cpu = TimeSpan.Zero;
        for (var i = -3; i < 30; i++)
        {
            if (i == 0) cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            await read();
            if (i >= 0) times.Add(clock.Elapsed.TotalMilliseconds);
        }
        return (times, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / times.Count);
    }

    private static string Describe((List<double> Wall, double CpuMs) timed) =>
        $"{NamedNumbers.Describe(timed.Wall)}; CPU {timed.CpuMs:F1} ms per read";
}
