using Microsoft.Data.Sqlite;
using ProbeDashboard.Core.Results;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Core.Results;

/// <remarks>SQLite only: seeds old rows through its own SQLite connection; TODO(#15): port.</remarks>
[Trait("Category", "SqliteOnly")]
public class RetentionCleanerTests
{
    [Fact]
    public async Task Deletes_raw_results_past_RawDays_in_chunks_and_rollups_past_RollupDays()
    {
        await using var pipeline = await PipelineServices.StartAsync(new() { ["Retention:RawDays"] = "30", ["Retention:RollupDays"] = "400" }, startWriter: false);
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        await using (var connection = new SqliteConnection($"Data Source={pipeline.DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var insert = connection.CreateCommand();
            // More expired rows than one delete statement takes, so the chunking loop has to run several times.
            insert.CommandText = """
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 12000)
                INSERT INTO ProbeResults (MonitorId, HostId, Timestamp, Success, LatencyMs, StatusCode)
                SELECT 1, 1, $old, 1, 1, 200 FROM n;
                INSERT INTO ProbeResults (MonitorId, HostId, Timestamp, Success, LatencyMs, StatusCode) VALUES (1, 1, $recent, 1, 1, 200);
                INSERT INTO AvailabilityBuckets (MonitorId, HostId, Size, Start, Total, Successes, LatencySumMs)
                VALUES (1, 1, 2, $ancient, 1, 1, 1), (1, 1, 2, $old, 1, 1, 1);
                """;
            insert.Parameters.AddWithValue("$old", now.AddDays(-31));
            insert.Parameters.AddWithValue("$recent", now.AddDays(-29));
            insert.Parameters.AddWithValue("$ancient", now.AddDays(-402));
            await insert.ExecuteNonQueryAsync();
        }

        var (results, buckets) = await pipeline.Get<RetentionCleaner>().DeleteExpiredAsync(CancellationToken.None);

        Assert.Equal((12000L, 1L), (results, buckets));
        await using var db = pipeline.CreateDbContext();
        Assert.Equal(now.AddDays(-29), Assert.Single(db.ProbeResults).Timestamp);
        Assert.Equal(now.AddDays(-31), Assert.Single(db.AvailabilityBuckets).Start);
    }
}
