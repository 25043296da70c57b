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
                Console.WriteLine("dashboard's first page (down first, then name; rows + heartbeats): " + NamedNumbers.Describe(await TimeAsync(async () =>
                {
                    var page = await queries.ListAsync(Actor.System, new MonitorListFilter(), new MonitorSort(), 0, PageSize, CancellationToken.None);
                    await queries.GetHeartbeatsAsync(Actor.System, [.. page.Rows.Select(r => r.Id)], MonitorQueries.ListHeartbeatRounds, CancellationToken.None);
                })));
                Console.WriteLine("API's first page (by id; rows + 24 h rollups): " + NamedNumbers.Describe(await TimeAsync(() =>
                    queries.ListAsync(Actor.System, new MonitorListFilter(), new MonitorSort(MonitorSortField.Id), 0, PageSize, CancellationToken.None))));
            });
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>30 timings after 3 warm-ups, as the other list figures are taken.</summary>
    private static async Task<List<double>> TimeAsync(Func<Task> read)
    {
        var times = new List<double>();
        for (var i = -3; i < 30; i++)
        {
            var clock = Stopwatch.StartNew();
            await read();
            if (i >= 0) times.Add(clock.Elapsed.TotalMilliseconds);
        }
        return times;
    }
}
