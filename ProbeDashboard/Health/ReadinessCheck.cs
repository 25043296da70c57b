using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Cluster;
using ProbeDashboard.Core.Results;
using ProbeDashboard.Core.Storage;
using ProbeDashboard.Probing;

namespace ProbeDashboard.Health;

/// <summary>One part of readiness: its name, whether it is fine, and why not.</summary>
/// <param name="Degraded">Ready, but working with less (shown as "degraded"; /readyz stays 200).</param>
public sealed record ReadinessPart(string Name, bool Ready, string Detail, bool Degraded = false);

/// <summary>
/// Whether the server can do its work now: the database takes a write lock, the probe scheduler runs (or was
/// switched off on purpose), and the result writer keeps up. /readyz answers from it; /healthz only says the
/// process is alive and migrated.
/// </summary>
public sealed class ReadinessCheck(
    IDbContextFactory<ProbeDbContext> dbFactory,
    DatabaseInitializer database,
    ProbeSchedulerStatus scheduler,
    ResultWriter writer,
    ResultWriterService writerService,
    ClusterMembership membership,
    ClusterRedis redis)
{
    /// <summary>How long the database may hold its write lock before it counts as not writable.</summary>
    public static readonly TimeSpan WriteLockWait = TimeSpan.FromSeconds(2);

    public async Task<IReadOnlyList<ReadinessPart>> CheckAsync(CancellationToken cancellationToken)
    {
        List<ReadinessPart> parts =
        [
            await DatabaseAsync(cancellationToken),
            new("scheduler", scheduler.IsHealthy, scheduler.IsHealthy ? (scheduler.Enabled ? "running" : "switched off") : "not running"),
            Writer(),
        ];
        if (RedisReadiness.Applies(membership)) parts.Add(RedisReadiness.Check(redis));
        return parts;
    }

    private ReadinessPart Writer()
    {
        if (writerService.IsFailing) return new("writer", false, "commits are failing; retrying");
        return writer.IsBackedUp
            ? new("writer", false, $"backed up: {writer.QueueDepth} results queued")
            : new("writer", true, $"{writer.QueueDepth} results queued");
    }

    private async Task<ReadinessPart> DatabaseAsync(CancellationToken cancellationToken)
    {
        if (!database.IsReady) return new("database", false, "migrations not applied yet");
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await db.Database.OpenConnectionAsync(cancellationToken);
            if (db.Database.GetDbConnection() is not SqliteConnection connection)
            {
                // PostgreSQL: reachable, and not a read-only standby.
                var readOnly = await db.Database.SqlQueryRaw<bool>("SELECT pg_is_in_recovery() AS \"Value\"").SingleAsync(cancellationToken);
                return readOnly ? new("database", false, "not writable: a read-only standby") : new("database", true, "writable");
            }
            // Taking the write lock and giving it back proves the file is writable without changing anything.
            // One statement per command: in a multi-statement command a busy BEGIN after a PRAGMA goes unreported.
            await RunAsync(connection, $"PRAGMA busy_timeout={(int)WriteLockWait.TotalMilliseconds}", cancellationToken);
            await RunAsync(connection, "BEGIN IMMEDIATE", cancellationToken);
            await RunAsync(connection, "ROLLBACK", cancellationToken);
            return new("database", true, "writable");
        }
        catch (SqliteException e)
        {
            return new("database", false, $"not writable: {e.SqliteErrorCode switch { 5 or 6 => "locked", _ => e.Message }}");
        }
        catch (System.Data.Common.DbException e)
        {
            return new("database", false, $"unreachable: {e.Message}");
        }
    }

    private static async Task RunAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        // Microsoft.Data.Sqlite retries a busy database until the command timeout, on top of busy_timeout.
        command.CommandTimeout = (int)WriteLockWait.TotalSeconds;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
