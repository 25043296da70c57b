using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ProbeDashboard.Core.Storage;

/// <summary>Size of the database: the main file, its write-ahead log, and the free pages a compaction returns.</summary>
public sealed record DatabaseSize(long FileBytes, long WalBytes, long FreeBytes)
{
    public long TotalBytes => FileBytes + WalBytes;
}

/// <summary>What "compact now" did. <paramref name="LongestStep"/> is the longest time the writer was locked out.</summary>
public sealed record CompactionResult(DatabaseSize Before, DatabaseSize After, TimeSpan Duration, TimeSpan LongestStep, bool FullVacuum);

/// <summary>
/// Gives the space of deleted rows back to the file system (on PostgreSQL: a plain VACUUM, see below). The first compaction switches the database to
/// incremental auto-vacuum with one full VACUUM (it rewrites the file and holds the write lock throughout; the
/// result writer's queue absorbs the pause). Later ones free pages in small steps, each its own short lock, so
/// ingest slips in between. Finally the write-ahead log is checkpointed and truncated.
/// </summary>
public sealed partial class DatabaseCompactor(
    IDbContextFactory<ProbeDbContext> dbFactory,
    IOptions<StorageOptions> storage,
    ILogger<DatabaseCompactor> logger)
{
    /// <summary>Pages freed per step (4 KiB each: 2 MiB); a step measured well under 100 ms on a loaded 2-core machine.</summary>
    public const int PagesPerStep = 500;
    private const long IncrementalAutoVacuum = 2;
    private readonly SemaphoreSlim _running = new(1, 1);

    public async Task<DatabaseSize> SizeAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!db.Database.IsSqlite()) return await PostgresSizeAsync(db, cancellationToken);
        return await SizeAsync(await OpenAsync(db, cancellationToken), cancellationToken);
    }

    /// <returns>Null when a compaction is already running.</returns>
    public async Task<CompactionResult?> CompactAsync(CancellationToken cancellationToken)
    {
        if (!await _running.WaitAsync(0, cancellationToken)) return null;
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (!db.Database.IsSqlite()) return await VacuumPostgresAsync(db, cancellationToken);
            var connection = await OpenAsync(db, cancellationToken);
            var before = await SizeAsync(connection, cancellationToken);
            // Wall-clock durations on purpose: they are what ingest waits, whatever clock the app runs on.
            var started = Stopwatch.GetTimestamp();
            var longest = TimeSpan.Zero;
            var full = await ScalarAsync(connection, "PRAGMA auto_vacuum", cancellationToken) != IncrementalAutoVacuum;
            if (full)
            {
                await ScalarAsync(connection, "PRAGMA auto_vacuum=INCREMENTAL", cancellationToken);
                longest = await TimedAsync(connection, "VACUUM", cancellationToken);
            }
            while (await ScalarAsync(connection, "PRAGMA freelist_count", cancellationToken) > 0)
            {
                var step = await TimedAsync(connection, $"PRAGMA incremental_vacuum({PagesPerStep})", cancellationToken);
                if (step > longest) longest = step;
                await Task.Yield();
            }
            await ScalarAsync(connection, "PRAGMA wal_checkpoint(TRUNCATE)", cancellationToken);
            var result = new CompactionResult(before, await SizeAsync(connection, cancellationToken), Stopwatch.GetElapsedTime(started), longest, full);
            LogCompacted(logger, before.TotalBytes, result.After.TotalBytes, (long)result.Duration.TotalMilliseconds, (long)longest.TotalMilliseconds);
            return result;
        }
        finally
        {
            _running.Release();
        }
    }

    /// <summary>
    /// PostgreSQL: a plain VACUUM, what autovacuum does anyway, now. It never locks writers out and returns the empty
    /// pages at the end of each table to the file system; a VACUUM FULL (exclusive locks) is for its own tools.
    /// </summary>
    private async Task<CompactionResult> VacuumPostgresAsync(ProbeDbContext db, CancellationToken cancellationToken)
    {
        var before = await PostgresSizeAsync(db, cancellationToken);
        var started = Stopwatch.GetTimestamp();
        db.Database.SetCommandTimeout(TimeSpan.Zero);
        await db.Database.ExecuteSqlRawAsync("VACUUM", cancellationToken);
        var result = new CompactionResult(before, await PostgresSizeAsync(db, cancellationToken), Stopwatch.GetElapsedTime(started), TimeSpan.Zero, false);
        LogCompacted(logger, before.TotalBytes, result.After.TotalBytes, (long)result.Duration.TotalMilliseconds, 0);
        return result;
    }

    private static async Task<DatabaseSize> PostgresSizeAsync(ProbeDbContext db, CancellationToken cancellationToken) =>
        new(await db.Database.SqlQueryRaw<long>("SELECT pg_database_size(current_database()) AS \"Value\"").SingleAsync(cancellationToken), 0, 0);

    private static async Task<SqliteConnection> OpenAsync(ProbeDbContext db, CancellationToken cancellationToken)
    {
        // Opened through EF so the pragma interceptor (WAL, busy_timeout) runs.
        await db.Database.OpenConnectionAsync(cancellationToken);
        return (SqliteConnection)db.Database.GetDbConnection();
    }

    private async Task<DatabaseSize> SizeAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var pageSize = await ScalarAsync(connection, "PRAGMA page_size", cancellationToken);
        var pages = await ScalarAsync(connection, "PRAGMA page_count", cancellationToken);
        var free = await ScalarAsync(connection, "PRAGMA freelist_count", cancellationToken);
        var wal = new FileInfo(storage.Value.DatabasePath + "-wal");
        return new DatabaseSize(pages * pageSize, wal.Exists ? wal.Length : 0, free * pageSize);
    }

    private async Task<TimeSpan> TimedAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await ScalarAsync(connection, sql, cancellationToken);
        return Stopwatch.GetElapsedTime(started);
    }

    /// <summary>One statement per command: Microsoft.Data.Sqlite does not report an error of a later statement reliably.</summary>
    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        return await command.ExecuteScalarAsync(cancellationToken) is long value ? value : 0;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database compacted from {BeforeBytes} to {AfterBytes} bytes in {DurationMs} ms (longest lock {LockMs} ms)")]
    private static partial void LogCompacted(ILogger logger, long beforeBytes, long afterBytes, long durationMs, long lockMs);
}
