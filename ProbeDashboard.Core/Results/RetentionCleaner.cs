using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ProbeDashboard.Core.Availability;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Results;

/// <summary>
/// Deletes raw results and rollups older than the retention in force (<see cref="RetentionSettings"/>: set in
/// the UI, else <see cref="RetentionOptions"/>), a few thousand rows per statement and transaction so the result
/// writer never waits long for the database lock.
/// </summary>
public sealed partial class RetentionCleaner(
    IDbContextFactory<ProbeDbContext> dbFactory,
    RetentionSettings settings,
    TimeProvider time,
    ILogger<RetentionCleaner> logger)
{
    public const int RowsPerStatement = 5000;

    /// <returns>Rows deleted: raw results and rollup buckets.</returns>
    public async Task<(long Results, long Buckets)> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var policy = await settings.GetAsync(cancellationToken);
        var results = await DeleteInChunksAsync(
            "DELETE FROM ProbeResults WHERE Id IN (SELECT Id FROM ProbeResults WHERE Timestamp < $cutoff LIMIT $limit)",
            now.AddDays(-policy.RawDays), cancellationToken);
        // Buckets are keyed by (MonitorId, Size, Start, HostId) and carry no rowid alias; rowid still works in SQLite.
        var buckets = await DeleteInChunksAsync(
            "DELETE FROM AvailabilityBuckets WHERE rowid IN (SELECT rowid FROM AvailabilityBuckets WHERE Start < $cutoff LIMIT $limit)",
            BatchRollup.StartOf(BucketSize.Day, now.AddDays(-policy.RollupDays)), cancellationToken);
        if (results + buckets > 0) LogDeleted(logger, results, buckets);
        return (results, buckets);
    }

    private async Task<long> DeleteInChunksAsync(string sql, DateTime cutoff, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await using var delete = connection.CreateCommand();
        delete.CommandText = sql;
        delete.Parameters.AddWithValue("$cutoff", cutoff);
        delete.Parameters.AddWithValue("$limit", RowsPerStatement);
        long total = 0;
        int deleted;
        do
        {
            // Each statement is its own short transaction; the writer's batches slip in between.
            deleted = await delete.ExecuteNonQueryAsync(cancellationToken);
            total += deleted;
            await Task.Yield();
        }
        while (deleted == RowsPerStatement);
        return total;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention deleted {ResultCount} raw results and {BucketCount} rollup buckets")]
    private static partial void LogDeleted(ILogger logger, long resultCount, long bucketCount);
}
