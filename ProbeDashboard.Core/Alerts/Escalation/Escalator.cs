using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ProbeDashboard.Core.Notifications;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Alerts.Escalation;

/// <summary>
/// Runs events' escalations from the database alone: no timer per event, one periodic sweep (the alert engine's tick)
/// sends the notices that are due by the injected clock. Every method works inside the caller's transaction except
/// <see cref="SweepAsync"/>, which commits each notice with its messages and its successor on its own.
/// </summary>
public sealed partial class Escalator(NotificationComposer composer, ILogger<Escalator> logger)
{
    public const string Acknowledged = "acknowledged";
    public const string Resolved = "resolved";

    /// <summary>Schedules the first step of <paramref name="policy"/> for an event that has just fired.</summary>
    public static void Start(ProbeDbContext db, AlertEvent alertEvent, EscalationPolicy policy, DateTime firedAt)
    {
        if (policy.NoticeAt(0) is not var (stepNumber, step)) return;
        db.EscalationNotices.Add(new EscalationNotice
        {
            AlertEventId = alertEvent.Id, EscalationPolicyId = policy.Id, Sequence = 0, StepNumber = stepNumber,
            NotificationGroupIds = [.. step.NotificationGroupIds], DueAt = firedAt.AddSeconds(step.AfterSeconds),
        });
    }

    /// <summary>Cancels the event's notices still due (acknowledged, resolved).</summary>
    /// <returns>How many were cancelled.</returns>
    public static async Task<int> CancelDueAsync(ProbeDbContext db, long eventId, string reason, DateTime now, CancellationToken cancellationToken)
    {
        var due = await db.EscalationNotices.Where(n => n.AlertEventId == eventId && n.Status == EscalationNoticeStatus.Due).ToListAsync(cancellationToken);
        foreach (var notice in due)
        {
            notice.Status = EscalationNoticeStatus.Cancelled;
            notice.CancelledAt = now;
            notice.CancelReason = reason;
        }
        return due.Count;
    }

    /// <summary>The groups the event's escalation has notified so far, in the order it did.</summary>
    public static async Task<List<int>> NotifiedGroupIdsAsync(ProbeDbContext db, long eventId, CancellationToken cancellationToken)
    {
        var sent = await db.EscalationNotices.AsNoTracking()
            .Where(n => n.AlertEventId == eventId && n.Status == EscalationNoticeStatus.Sent).OrderBy(n => n.Sequence)
            .Select(n => n.NotificationGroupIds).ToListAsync(cancellationToken);
        return [.. sent.SelectMany(g => g).Distinct()];
    }

    /// <summary>Whether acknowledging the event stops its escalation (a policy deleted meanwhile stops it too).</summary>
    public static async Task<bool> StopsOnAcknowledgeAsync(ProbeDbContext db, AlertEvent alertEvent, CancellationToken cancellationToken) =>
        alertEvent.EscalationPolicyId is not { } policyId
        || await db.EscalationPolicies.Where(p => p.Id == policyId).Select(p => (bool?)p.StopOnAcknowledge).SingleOrDefaultAsync(cancellationToken) != false;

    /// <summary>
    /// Sends every notice due at <paramref name="now"/>, oldest first: its groups' messages go into the outbox, the notice
    /// is marked sent and the policy's next notice is scheduled, all in one transaction. A notice of a silenced event
    /// waits for the silence to end; one of an event acknowledged (when the policy stops on acknowledge) or resolved is
    /// cancelled. A notice another node sent first is skipped.
    /// </summary>
    /// <returns>How many notices were sent.</returns>
    public async Task<int> SweepAsync(ProbeDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var due = await db.EscalationNotices.AsNoTracking().Where(n => n.Status == EscalationNoticeStatus.Due && n.DueAt <= now)
            .OrderBy(n => n.DueAt).ThenBy(n => n.Id).Take(500).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var id in due.Select(n => n.Id))
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var notice = await db.EscalationNotices.SingleAsync(n => n.Id == id, cancellationToken);
            var alertEvent = await db.AlertEvents.AsNoTracking().SingleOrDefaultAsync(e => e.Id == notice.AlertEventId, cancellationToken);
            if (alertEvent is not null && alertEvent.SilenceUntil > now) continue;
            var policy = await db.EscalationPolicies.AsNoTracking().SingleOrDefaultAsync(p => p.Id == notice.EscalationPolicyId, cancellationToken);
            string? cancel = alertEvent is null || !alertEvent.IsOpen ? Resolved
                : alertEvent.Acknowledged && policy?.StopOnAcknowledge != false ? Acknowledged : null;
            if (cancel is not null)
            {
                (notice.Status, notice.CancelledAt, notice.CancelReason) = (EscalationNoticeStatus.Cancelled, now, cancel);
            }
            else
            {
                var groups = await db.NotificationGroups.AsNoTracking().Include(g => g.Recipients.OrderBy(r => r.Id))
                    .Where(g => notice.NotificationGroupIds.Contains(g.Id)).OrderBy(g => g.Id).ToListAsync(cancellationToken);
                foreach (var group in groups)
                    db.NotificationOutbox.AddRange(composer.Compose(alertEvent!, NotificationPurpose.Fired, group, now));
                (notice.Status, notice.SentAt) = (EscalationNoticeStatus.Sent, now);
                if (policy?.NoticeAt(notice.Sequence + 1) is var (stepNumber, step))
                    db.EscalationNotices.Add(new EscalationNotice
                    {
                        AlertEventId = notice.AlertEventId, EscalationPolicyId = policy.Id, Sequence = notice.Sequence + 1, StepNumber = stepNumber,
                        NotificationGroupIds = [.. step.NotificationGroupIds], DueAt = now.AddSeconds(step.AfterSeconds),
                    });
            }
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || IsDuplicate(e))
            {
                // Another node handled this notice between our read and our write: it is theirs.
                continue;
            }
            if (cancel is null)
            {
                sent++;
                LogSent(notice.AlertEventId, notice.StepNumber, notice.Sequence, notice.NotificationGroupIds.Count);
            }
        }
        db.ChangeTracker.Clear();
        return sent;
    }

    private static bool IsDuplicate(DbUpdateException e) =>
        e.InnerException?.Message.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase) == true
        || e.InnerException?.Message.Contains("duplicate key", StringComparison.OrdinalIgnoreCase) == true;

    [LoggerMessage(LogLevel.Information, "Alert {AlertEventId} escalated: step {StepNumber} (notice {Sequence}) to {GroupCount} groups")]
    private partial void LogSent(long alertEventId, int stepNumber, int sequence, int groupCount);
}
