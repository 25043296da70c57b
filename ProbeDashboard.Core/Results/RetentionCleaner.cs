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
        var results = await DeleteInChunksAsync(sql => sql.DeleteOldResults, now.AddDays(-policy.RawDays), cancellationToken);
        var buckets = await DeleteInChunksAsync(sql => sql.DeleteOldBuckets,
            BatchRollup.StartOf(BucketSize.Day, now.AddDays(-policy.RollupDays)), cancellationToken);
        if (results + buckets > 0) LogDeleted(logger, results, buckets);
        return (results, buckets);
    }

    private async Task<long> DeleteInChunksAsync(Func<SqlDialect, string> statement, DateTime cutoff, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var delete = db.Database.GetDbConnection().CreateCommand();
        delete.CommandText = statement(SqlDialect.Of(db));
        SqlDialect.Parameter(delete, "@cutoff").Value = cutoff;
        SqlDialect.Parameter(delete, "@limit").Value = RowsPerStatement;
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
