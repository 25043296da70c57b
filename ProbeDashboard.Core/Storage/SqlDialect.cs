using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ProbeDashboard.Core.Storage;

/// <summary>
/// The few statements the hot paths (result writer, retention) write by hand, in each provider's SQL. Everything
/// else goes through EF Core, which speaks both. Identifiers are quoted: EF creates them mixed-case, and PostgreSQL
/// folds unquoted names to lower case.
/// </summary>
internal abstract class SqlDialect
{
    private static readonly SqlDialect SqliteDialect = new SqliteSql();
    private static readonly SqlDialect PostgresDialect = new PostgresSql();

    // IsSqlite, not IsNpgsql: the latter lives in the PostgreSQL provider's assembly, which a SQLite server need not load.
    public static SqlDialect Of(ProbeDbContext db) => db.Database.IsSqlite() ? SqliteDialect : PostgresDialect;

    public const string InsertResult = """
        INSERT INTO "ProbeResults" ("MonitorId", "HostId", "Timestamp", "Success", "LatencyMs", "StatusCode", "ErrorMessage", "CertificateExpiresAt",
            "CertificateSubject", "CertificateIssuer")
        VALUES (@monitor, @host, @at, @success, @latency, @status, @error, @cert, @certSubject, @certIssuer) RETURNING "Id"
        """;

    public const string UpdateMonitorState = """
        UPDATE "Monitors" SET "CurrentStatus" = @status, "StatusSince" = @since, "LastProbeAt" = @at, "LastSuccess" = @success,
            "LastLatencyMs" = @latency, "LastStatusCode" = @code, "LastError" = @error, "ConsecutiveFailures" = @failures
        WHERE "Id" = @id
        """;

    public const string MovePushDeadline = """
        UPDATE "Monitors" SET "PushDeadline" = @deadline, "PushRunStartedAt" = NULL, "PushLastPingAt" = @at WHERE "Id" = @id
        """;

    /// <summary>Selects the writer's monitor columns for the ids in parameter <c>@ids</c> (see <see cref="AddIdSet"/>).</summary>
    public abstract string SelectMonitorState { get; }

    /// <summary>One parameter that holds a whole set of ids: no SQL text per batch size, no parameter-count limit.</summary>
    public abstract void AddIdSet(DbCommand command, IEnumerable<int> ids);

    /// <summary>Adds a batch's counts to a rollup bucket, creating it when new; min/max ignore a side that is NULL.</summary>
    public abstract string UpsertBucket { get; }

    /// <summary>Deletes up to <c>@limit</c> raw results older than <c>@cutoff</c>.</summary>
    public abstract string DeleteOldResults { get; }

    /// <summary>Deletes up to <c>@limit</c> rollup buckets that start before <c>@cutoff</c>.</summary>
    public abstract string DeleteOldBuckets { get; }

    /// <summary>
    /// Claims up to <c>@limit</c> due pending outbox messages (oldest first) for <c>@claimant</c> in one statement: moves
    /// their due time to <c>@leaseUntil</c> and counts the attempt, and returns their ids. Rows another transaction is
    /// claiming are skipped (PostgreSQL), so two dispatchers never take the same message.
    /// </summary>
    public abstract string ClaimOutbox { get; }

    /// <summary>
    /// The id the next monitor inserted will get, taken before the insert so the insert and its audit entry (which names
    /// the id) go in one save. Run inside the write transaction: SQLite's holds the write lock, and PostgreSQL's
    /// identity sequence never hands a number out twice.
    /// </summary>
    public abstract string ReserveMonitorId { get; }

    /// <summary>
    /// The writer's transaction: on SQLite it takes the write lock at once (no upgrade deadlock later), in its turn at the
    /// file's <see cref="SqliteWriteGate"/>.
    /// </summary>
    public abstract Task<WriteTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>
    /// An untyped parameter: each provider infers the type from the value, which is what makes a UTC DateTime text in
    /// SQLite (EF's format) and <c>timestamptz</c> in PostgreSQL.
    /// </summary>
    public static DbParameter Parameter(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }

    private sealed class SqliteSql : SqlDialect
    {
        public override string SelectMonitorState => """
            SELECT "Id", "IntervalSeconds", "CurrentStatus", "StatusSince", "LastProbeAt", "ConsecutiveFailures", "FailQuorum", "Kind", "RetryIntervalSeconds", "FailThreshold"
            FROM "Monitors" WHERE "Id" IN (SELECT value FROM json_each(@ids))
            """;

        public override void AddIdSet(DbCommand command, IEnumerable<int> ids) =>
            Parameter(command, "@ids").Value = "[" + string.Join(",", ids) + "]";

        public override string UpsertBucket => """
            INSERT INTO "AvailabilityBuckets" ("MonitorId", "HostId", "Size", "Start", "Total", "Successes", "MaintenanceTotal", "MaintenanceSuccesses", "LatencySumMs", "LatencyMinMs", "LatencyMaxMs")
            VALUES (@monitor, @host, @size, @start, @total, @successes, @mtotal, @msuccesses, @sum, @min, @max)
            ON CONFLICT ("MonitorId", "Size", "Start", "HostId") DO UPDATE SET
                "Total" = "Total" + excluded."Total",
                "Successes" = "Successes" + excluded."Successes",
                "MaintenanceTotal" = "MaintenanceTotal" + excluded."MaintenanceTotal",
                "MaintenanceSuccesses" = "MaintenanceSuccesses" + excluded."MaintenanceSuccesses",
                "LatencySumMs" = "LatencySumMs" + excluded."LatencySumMs",
                "LatencyMinMs" = min(coalesce("LatencyMinMs", excluded."LatencyMinMs"), coalesce(excluded."LatencyMinMs", "LatencyMinMs")),
                "LatencyMaxMs" = max(coalesce("LatencyMaxMs", excluded."LatencyMaxMs"), coalesce(excluded."LatencyMaxMs", "LatencyMaxMs"))
            """;

        public override string DeleteOldResults =>
            """DELETE FROM "ProbeResults" WHERE "Id" IN (SELECT "Id" FROM "ProbeResults" WHERE "Timestamp" < @cutoff LIMIT @limit)""";

        // Buckets are keyed by (MonitorId, Size, Start, HostId) and carry no rowid alias; rowid still works in SQLite.
        public override string DeleteOldBuckets =>
            """DELETE FROM "AvailabilityBuckets" WHERE rowid IN (SELECT rowid FROM "AvailabilityBuckets" WHERE "Start" < @cutoff LIMIT @limit)""";

        // One process owns a SQLite file (the server lock), and SQLite serialises writers: no row locks needed.
        public override string ClaimOutbox => """
            UPDATE "NotificationOutbox" SET "NextAttemptAt" = @leaseUntil, "ClaimedBy" = @claimant, "Attempts" = "Attempts" + 1
            WHERE "Id" IN (SELECT "Id" FROM "NotificationOutbox" WHERE "Status" = @pending AND "NextAttemptAt" <= @now
                ORDER BY "NextAttemptAt", "Id" LIMIT @limit)
            RETURNING "Id"
            """;

        // AUTOINCREMENT keeps the highest id ever used in sqlite_sequence (no row until the first insert): a deleted
        // monitor's id is never handed out again, as with an insert that leaves the id to SQLite.
        public override string ReserveMonitorId => """
            SELECT max(coalesce((SELECT "seq" FROM sqlite_sequence WHERE "name" = 'Monitors'), 0), coalesce((SELECT max("Id") FROM "Monitors"), 0)) + 1
            """;

        public override async Task<WriteTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
            new(await SqliteWriteGate.BeginAsync((SqliteConnection)connection, IsolationLevel.Serializable, cancellationToken));
    }

    private sealed class PostgresSql : SqlDialect
    {
        // The identity column's own sequence (GENERATED BY DEFAULT, so an insert may name the id it was given).
        public override string ReserveMonitorId => """SELECT nextval(pg_get_serial_sequence('"Monitors"', 'Id'))""";

        // FOR UPDATE: with several nodes, results of one monitor (push pings, agent reports) can be written by two nodes at
        // once; the second writer waits for the first and continues from its status and failure count (no lost update, no
        // status change announced twice). Locked in id order, and a writer touches only its monitors' buckets: no deadlock.
        public override string SelectMonitorState => """
            SELECT "Id", "IntervalSeconds", "CurrentStatus", "StatusSince", "LastProbeAt", "ConsecutiveFailures", "FailQuorum", "Kind", "RetryIntervalSeconds", "FailThreshold"
            FROM "Monitors" WHERE "Id" = ANY(@ids) ORDER BY "Id" FOR UPDATE
            """;

        public override void AddIdSet(DbCommand command, IEnumerable<int> ids)
        {
            Parameter(command, "@ids").Value = ids.ToArray();
        }

        // LEAST and GREATEST skip NULLs by themselves.
        public override string UpsertBucket => """
            INSERT INTO "AvailabilityBuckets" AS b ("MonitorId", "HostId", "Size", "Start", "Total", "Successes", "MaintenanceTotal", "MaintenanceSuccesses", "LatencySumMs", "LatencyMinMs", "LatencyMaxMs")
            VALUES (@monitor, @host, @size, @start, @total, @successes, @mtotal, @msuccesses, @sum, @min, @max)
            ON CONFLICT ("MonitorId", "Size", "Start", "HostId") DO UPDATE SET
                "Total" = b."Total" + excluded."Total",
                "Successes" = b."Successes" + excluded."Successes",
                "MaintenanceTotal" = b."MaintenanceTotal" + excluded."MaintenanceTotal",
                "MaintenanceSuccesses" = b."MaintenanceSuccesses" + excluded."MaintenanceSuccesses",
                "LatencySumMs" = b."LatencySumMs" + excluded."LatencySumMs",
                "LatencyMinMs" = LEAST(b."LatencyMinMs", excluded."LatencyMinMs"),
                "LatencyMaxMs" = GREATEST(b."LatencyMaxMs", excluded."LatencyMaxMs")
            """;

        public override string DeleteOldResults =>
            """DELETE FROM "ProbeResults" WHERE "Id" IN (SELECT "Id" FROM "ProbeResults" WHERE "Timestamp" < @cutoff LIMIT @limit)""";

        public override string DeleteOldBuckets => """
            DELETE FROM "AvailabilityBuckets" WHERE ctid IN (SELECT ctid FROM "AvailabilityBuckets" WHERE "Start" < @cutoff LIMIT @limit)
            """;

        // SKIP LOCKED: a row another node is claiming right now is left to it, not waited for and not taken twice.
        public override string ClaimOutbox => """
            UPDATE "NotificationOutbox" SET "NextAttemptAt" = @leaseUntil, "ClaimedBy" = @claimant, "Attempts" = "Attempts" + 1
            WHERE "Id" IN (SELECT "Id" FROM "NotificationOutbox" WHERE "Status" = @pending AND "NextAttemptAt" <= @now
                ORDER BY "NextAttemptAt", "Id" LIMIT @limit FOR UPDATE SKIP LOCKED)
            RETURNING "Id"
            """;

        public override async Task<WriteTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
            new(await connection.BeginTransactionAsync(cancellationToken));
    }
}
