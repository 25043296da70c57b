using Microsoft.Data.Sqlite;
using ProbeDashboard.Core.Availability;
using ProbeDashboard.Core.Monitors;

namespace ProbeDashboard.Bench.Ui;

/// <summary>
/// A data directory as a server has it after running D days: M HTTP monitors against the bench targets, hourly and
/// daily rollups for every day, and the last 50 results of each monitor (what the heartbeat bars read). Rollups and
/// results go in with one prepared statement each, in one transaction: seeding millions of rows through change
/// tracking would take longer than the benchmark.
/// </summary>
public static class UiBenchSeed
{
    private const int RecentResults = 50;

    public static async Task SeedAsync(string data, UiBenchOptions options, IReadOnlyList<int> ports)
    {
        var now = DateTime.UtcNow;
        await BenchDataDirectory.SeedMonitorsAsync(data, Enumerable.Range(0, options.Monitors).Select(i =>
            BenchDataDirectory.HttpMonitor(i, $"http://127.0.0.1:{ports[i % ports.Count]}/ok", options.IntervalSeconds, now.AddDays(-options.Days))));
        var serverHost = await FirstAsync<long>(data, "SELECT Id FROM Hosts WHERE IsServer = 1");
        var monitorIds = await ListAsync(data, "SELECT Id FROM Monitors ORDER BY Id");
        await InsertHistoryAsync(data, monitorIds, (int)serverHost, options, now);
    }

    private static async Task InsertHistoryAsync(string data, IReadOnlyList<long> monitors, int hostId, UiBenchOptions options, DateTime now)
    {
        await using var connection = Open(data);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var bucket = Prepare(connection, transaction,
            "INSERT INTO AvailabilityBuckets (MonitorId, HostId, Size, Start, Total, Successes, LatencySumMs, LatencyMinMs, LatencyMaxMs) VALUES ($m, $h, $s, $t, $n, $ok, $sum, $min, $max)",
            "$m", "$h", "$s", "$t", "$n", "$ok", "$sum", "$min", "$max");
        var result = Prepare(connection, transaction,
            "INSERT INTO ProbeResults (MonitorId, HostId, Timestamp, Success, LatencyMs, StatusCode) VALUES ($m, $h, $t, $ok, $lat, $code)",
            "$m", "$h", "$t", "$ok", "$lat", "$code");
        var random = new Random(42);
        var perHour = 3600 / options.IntervalSeconds;
        var thisHour = new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc);
        foreach (var monitor in monitors)
        {
            for (var day = options.Days; day >= 1; day--)
            {
                var dayStart = thisHour.Date.AddDays(-day);
                var daySuccesses = 0;
                for (var hour = 0; hour < 24; hour++)
                {
                    // About one hour in fifty has a short outage, so availability bars and charts have something to show.
                    var successes = random.Next(50) == 0 ? perHour - random.Next(1, perHour) : perHour;
                    daySuccesses += successes;
                    Run(bucket, monitor, hostId, (int)BucketSize.Hour, dayStart.AddHours(hour), perHour, successes, successes * 12.0, 3.0, 40.0);
                }
                Run(bucket, monitor, hostId, (int)BucketSize.Day, dayStart, perHour * 24, daySuccesses, daySuccesses * 12.0, 3.0, 40.0);
            }
            for (var i = RecentResults; i >= 1; i--)
            {
                var ok = random.Next(100) != 0;
                Run(result, monitor, hostId, now.AddSeconds(-i * options.IntervalSeconds), ok ? 1 : 0, ok ? 5 + random.NextDouble() * 20 : 0, ok ? 200 : 503);
            }
        }
        await transaction.CommitAsync();
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in names) command.Parameters.Add(new SqliteParameter { ParameterName = name });
        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i];
        command.ExecuteNonQuery();
    }

    private static SqliteConnection Open(string data)
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(data, "probedashboard.db")};Pooling=False");
        connection.Open();
        return connection;
    }

    internal static async Task<int> ExecuteAsync(string data, string sql)
    {
        await using var connection = Open(data);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync();
    }

    internal static async Task<T> FirstAsync<T>(string data, string sql)
    {
        await using var connection = Open(data);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)(await command.ExecuteScalarAsync())!;
    }

    internal static async Task<List<long>> ListAsync(string data, string sql)
    {
        await using var connection = Open(data);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var ids = new List<long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) ids.Add(reader.GetInt64(0));
        return ids;
    }
}
