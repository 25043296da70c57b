using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Events;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Results;

/// <summary>
/// Stores one batch in ONE transaction: the raw results, the hourly and daily rollups they add to, and each
/// monitor's current state. Plain SQL, each statement kind sent for all its rows at once (<see cref="RowStatement"/>): this runs hundreds of
/// times a second.
/// </summary>
public sealed class ResultBatchStore(IDbContextFactory<ProbeDbContext> dbFactory, MonitorStatusTracker tracker, MonitorRoundTracker rounds,
    Maintenance.MaintenanceCalendar maintenance)
{
    /// <summary>Results whose monitor no longer exists are skipped (it was deleted while they were in flight).</summary>
    public async Task<StoredBatch> StoreAsync(IReadOnlyList<ProbeResult> results, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Opened through EF so the SQLite pragma interceptor (WAL, synchronous=FULL, busy_timeout) runs.
        await db.Database.OpenConnectionAsync(cancellationToken);
        // Read before the write transaction opens (EF's queries know nothing of it): once per batch, from memory.
        var coverage = results.Count == 0 ? Maintenance.MaintenanceCoverage.None
            : await maintenance.CoverageAsync(db, results.Min(r => r.Timestamp), results.Max(r => r.Timestamp), cancellationToken);
        var connection = db.Database.GetDbConnection();
        var sql = SqlDialect.Of(db);
        await using var write = await sql.BeginWriteAsync(connection, cancellationToken);
        var transaction = write.Transaction;

        var monitors = await MonitorRows.LoadAsync(connection, sql, results.Select(r => r.MonitorId).Distinct(), cancellationToken);
        var stored = results.Where(r => monitors.ContainsKey(r.MonitorId)).ToList();
        await InsertResultsAsync(connection, transaction, stored, cancellationToken);

        var rollup = new BatchRollup();
        foreach (var result in stored) rollup.Add(result, coverage.Covers(result.MonitorId, result.HostId, result.Timestamp));
        await BucketUpserts.RunAsync(connection, transaction, sql, rollup.Buckets, cancellationToken);

        var closedRounds = new List<ProbeRound>();
        var changes = ApplyToMonitors(monitors, stored, closedRounds);
        await MonitorRows.SaveAsync(connection, transaction, monitors.Values.Where(m => m.Touched), cancellationToken);
        await MovePushDeadlinesAsync(connection, transaction, stored.Where(r => r.MovesPushDeadlineTo is not null), cancellationToken);
        await write.CommitAsync(cancellationToken);

        foreach (var deletedId in results.Select(r => r.MonitorId).Distinct().Where(id => !monitors.ContainsKey(id)))
        {
            tracker.Forget(deletedId);
            rounds.Forget(deletedId);
        }
        return new StoredBatch(stored, closedRounds, changes, results.Count - stored.Count);
    }

    private static readonly RowStatement MovePushDeadline = new(SqlDialect.MovePushDeadline, "@id", "@deadline", "@at");

    private static readonly RowStatement InsertResult = new(SqlDialect.InsertResult,
        "@monitor", "@host", "@at", "@success", "@latency", "@status", "@error", "@cert", "@certSubject", "@certIssuer");

    /// <summary>A push ping's result and the deadline it moves commit together: a 200 to the sender means both.</summary>
    private static Task MovePushDeadlinesAsync(DbConnection connection, DbTransaction transaction, IEnumerable<ProbeResult> pings,
        CancellationToken cancellationToken) =>
        MovePushDeadline.ExecuteAsync(connection, transaction, pings,
            ping => [ping.MonitorId, ping.MovesPushDeadlineTo!.Value, ping.Timestamp], cancellationToken);

    private static async Task InsertResultsAsync(DbConnection connection, DbTransaction transaction, List<ProbeResult> results,
        CancellationToken cancellationToken)
    {
        var ids = await InsertResult.ExecuteScalarsAsync(connection, transaction, results, result =>
        [
            result.MonitorId, result.HostId, result.Timestamp, result.Success, result.LatencyMs, result.StatusCode,
            Truncate(result.ErrorMessage), result.CertificateExpiresAt, ShortName(result.CertificateSubject), ShortName(result.CertificateIssuer),
        ], cancellationToken);
        for (var i = 0; i < results.Count; i++) results[i].Id = ids[i];
    }

    /// <summary>
    /// Applies results in time order. Every result is placed in its round (<see cref="MonitorRoundTracker"/>);
    /// a result older than the monitor's last probe (a late agent upload) moves no other part of the current state.
    /// </summary>
    private List<MonitorStatusChanged> ApplyToMonitors(Dictionary<int, MonitorRow> monitors, List<ProbeResult> results, List<ProbeRound> closedRounds)
    {
        // Unknown means the monitor was reset (new target, resumed): older verdicts of other hosts no longer apply.
        foreach (var reset in monitors.Values.Where(m => m.StatusBefore == MonitorStatus.Unknown))
        {
            tracker.Forget(reset.Id);
            rounds.Forget(reset.Id);
        }
        foreach (var result in results.OrderBy(r => r.Timestamp))
        {
            var row = monitors[result.MonitorId];
            var closedBefore = closedRounds.Count;
            rounds.Record(result, row.Rounds, row.Current.ConsecutiveFailures, closedRounds);
            if (closedRounds.Count > closedBefore)
            {
                row.Current.ConsecutiveFailures = closedRounds[^1].ConsecutiveFailures;
                row.Touched = true;
            }
            if (row.Current.LastProbeAt is { } last && result.Timestamp < last) continue;
            var status = tracker.Record(result, row.Rounds.IntervalSeconds);
            MonitorStateTransition.Apply(row.Current, result, status);
            row.Touched = true;
        }
        return monitors.Values.Where(m => m.Touched && m.Current.Status != m.StatusBefore)
            .Select(m => new MonitorStatusChanged(m.Id, m.Current.Status, m.Current.StatusSince!.Value))
            .ToList();
    }

    private static string? ShortName(string? name) =>
        name is { Length: > Probing.SeenCertificate.MaxNameLength } ? name[..Probing.SeenCertificate.MaxNameLength] : name;

    private static string? Truncate(string? message) =>
        message is { Length: > ProbeResult.MaxMessageLength } ? message[..ProbeResult.MaxMessageLength] : message;
}

/// <summary>What one committed batch stored, for the events published after the commit.</summary>
public sealed record StoredBatch(
    IReadOnlyList<ProbeResult> Results,
    IReadOnlyList<ProbeRound> Rounds,
    IReadOnlyList<MonitorStatusChanged> StatusChanges,
    int SkippedForDeletedMonitors);

/// <summary>How one result moves a monitor's current state.</summary>
public static class MonitorStateTransition
{
    /// <summary>
    /// <see cref="MonitorCurrentState.StatusSince"/> moves only when the status really changes. Consecutive failures
    /// are counted per round by <see cref="MonitorRoundTracker"/>, not here.
    /// </summary>
    public static void Apply(MonitorCurrentState current, ProbeResult result, MonitorStatus status)
    {
        if (current.Status != status)
        {
            current.Status = status;
            current.StatusSince = result.Timestamp;
        }
        current.LastProbeAt = result.Timestamp;
        current.LastSuccess = result.Success;
        current.LastLatencyMs = result.LatencyMs;
        current.LastStatusCode = result.StatusCode;
        current.LastError = result.Success ? null : result.ErrorMessage;
    }
}
