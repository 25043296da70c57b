using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Alerts.Evaluation;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Core.Notifications;

namespace ProbeDashboard.Core.Alerts.Engine;

public enum AlertCommandOutcome
{
    Done,
    NotFound,
    /// <summary>The event is in no state for this (resolved, or not silenced when lifting a silence).</summary>
    Conflict,
    /// <summary>The command's own input is wrong (<see cref="AlertCommandResult.Field"/> names it); nothing was tried.</summary>
    Invalid,
}

public sealed record AlertCommandResult(AlertCommandOutcome Outcome, string Message, AlertEvent? Event = null, string? Field = null)
{
    public static AlertCommandResult NotFound(long id) => new(AlertCommandOutcome.NotFound, $"alert event {id} not found");

    public static AlertCommandResult Invalid(string field, string message) => new(AlertCommandOutcome.Invalid, message, Field: field);
}

public sealed partial class AlertProcessor
{
    /// <summary>Longest silence an operator may set: 30 days.</summary>
    public const int MaxSilenceSeconds = 30 * 24 * 3600;

    // The commands are Core's own: callers reach them through AlertEventService, which authorizes the actor first.
    // Each one is audited in the transaction that stores it, inside the gate.

    internal Task<AlertCommandResult> AcknowledgeAsync(long eventId, Actor actor, string? note, CancellationToken cancellationToken) =>
        CommandAsync(eventId, actor, AuditActions.AlertAcknowledge, (alertEvent, tracked, now) =>
        {
            tracked.State = AlertEvaluator.Acknowledge(tracked.State);
            alertEvent.Acknowledged = true;
            alertEvent.AckUserId = actor.UserId;
            alertEvent.AckUserName = actor.Name;
            alertEvent.AckTime = now;
            alertEvent.AckNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
            return (AlertEventChange.Acknowledged, alertEvent.AckNote);
        }, cancellationToken, TellAcknowledgedAsync);

    /// <param name="notifyOnResolve">Whether a recovery during the silence is still announced (it always resolves the event).</param>
    internal Task<AlertCommandResult> SilenceAsync(long eventId, Actor actor, int durationSeconds, bool notifyOnResolve, CancellationToken cancellationToken) =>
        CommandAsync(eventId, actor, AuditActions.AlertSilence, (alertEvent, tracked, now) =>
        {
            tracked.State = AlertEvaluator.Silence(tracked.State, now.AddSeconds(durationSeconds), notifyOnResolve);
            alertEvent.Apply(tracked.State, now);
            return (AlertEventChange.Silenced, $"{durationSeconds} s");
        }, cancellationToken);

    /// <summary>
    /// Stored with the acknowledgement: stops the event's escalation (when its policy says so) and tells who took it.
    /// An escalated event's "acknowledged by X: note" goes to every group already notified; without a policy only paging
    /// services (PagerDuty, Opsgenie) hear of it, to acknowledge their incident, so other recipients get no extra message.
    /// </summary>
    /// <returns>True when messages were queued.</returns>
    private async Task<bool> TellAcknowledgedAsync(Storage.ProbeDbContext db, AlertEvent alertEvent, TrackedAlert tracked, AlertState before,
        DateTime now, CancellationToken cancellationToken)
    {
        if (alertEvent.EscalationPolicyId is not null && await Escalation.Escalator.StopsOnAcknowledgeAsync(db, alertEvent, cancellationToken))
            await Escalation.Escalator.CancelDueAsync(db, alertEvent.Id, Escalation.Escalator.Acknowledged, now, cancellationToken);
        var groups = new List<NotificationGroup>();
        if (before.Announced)
            groups.AddRange(tracked.Candidate.UsesDefaultGroups ? await DefaultGroupsAsync(db, cancellationToken)
                : (await GroupsAsync(db, [tracked.Candidate.NotificationGroupId], cancellationToken)).Values);
        var escalated = alertEvent.EscalationPolicyId is null ? [] : await Escalation.Escalator.NotifiedGroupIdsAsync(db, alertEvent.Id, cancellationToken);
        groups.AddRange((await GroupsAsync(db, escalated.Select(id => (int?)id), cancellationToken)).Values.OrderBy(g => g.Id));
        var messages = groups.DistinctBy(g => g.Id)
            .SelectMany(g => composer.Compose(alertEvent, NotificationPurpose.Acknowledged, g, now))
            .Where(m => escalated.Count > 0 || m.Channel is NotificationChannelKind.PagerDuty or NotificationChannelKind.Opsgenie)
            .ToList();
        db.NotificationOutbox.AddRange(messages);
        return messages.Count > 0;
    }

    private static string Target(AlertEvent alertEvent) => $"alert event #{alertEvent.Id} {alertEvent.Title}";

    /// <summary>Ends a silence early; the event is firing (or pending) again, and a due reminder goes out.</summary>
    internal async Task<AlertCommandResult> LiftSilenceAsync(long eventId, Actor actor, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await EnsureLoadedAsync(db, cancellationToken);
            var (failure, alertEvent, key, tracked) = await FindOpenAsync(db, eventId, cancellationToken);
            if (failure is not null) return failure;
            var now = time.GetUtcNow().UtcDateTime;
            if (!tracked!.State.IsSilencedAt(now))
                return new AlertCommandResult(AlertCommandOutcome.Conflict, $"alert event {eventId} is not silenced", alertEvent);
            var step = AlertEvaluator.LiftSilence(tracked.Candidate.Policy, tracked.State, now);
            db.ChangeTracker.Clear();
            // Staged before the step: ApplyAsync's transaction commits the entry with the change.
            audit.Add(db, actor, AuditActions.AlertLiftSilence, Target(alertEvent!), null);
            await ApplyAsync(db, [new PlannedStep(key, tracked, tracked.Candidate, step, null)], cancellationToken);
            var updated = await db.AlertEvents.AsNoTracking().SingleAsync(e => e.Id == eventId, cancellationToken);
            return new AlertCommandResult(AlertCommandOutcome.Done, "silence lifted", updated);
        }
        finally
        {
            await LeaveGateAsync();
        }
    }

    /// <param name="change">Changes the event and its state; returns what to publish and the audit entry's detail.</param>
    private async Task<AlertCommandResult> CommandAsync(long eventId, Actor actor, string action,
        Func<AlertEvent, TrackedAlert, DateTime, (AlertEventChange Published, string? Detail)> change, CancellationToken cancellationToken,
        Func<Storage.ProbeDbContext, AlertEvent, TrackedAlert, AlertState, DateTime, CancellationToken, Task<bool>>? alsoStore = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await EnsureLoadedAsync(db, cancellationToken);
            var (failure, alertEvent, _, tracked) = await FindOpenAsync(db, eventId, cancellationToken);
            if (failure is not null) return failure;
            var before = tracked!.State;
            var now = time.GetUtcNow().UtcDateTime;
            var (published, detail) = change(alertEvent!, tracked, now);
            alertEvent!.UpdatedAt = now;
            audit.Add(db, actor, action, Target(alertEvent), detail);
            var queued = false;
            try
            {
                if (alsoStore is not null) queued = await alsoStore(db, alertEvent, tracked, before, now, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
            }
            catch
            {
                tracked.State = before;
                throw;
            }
            bus.Publish(new AlertEventChanged(published, AlertEventSummary.Of(alertEvent)));
            if (queued) notificationSignal.Notify();
            return new AlertCommandResult(AlertCommandOutcome.Done, "success", alertEvent);
        }
        finally
        {
            await LeaveGateAsync();
        }
    }

    private async Task<(AlertCommandResult? Failure, AlertEvent? Event, AlertKey Key, TrackedAlert? Tracked)> FindOpenAsync(
        Storage.ProbeDbContext db, long eventId, CancellationToken cancellationToken)
    {
        var alertEvent = await db.AlertEvents.SingleOrDefaultAsync(e => e.Id == eventId, cancellationToken);
        if (alertEvent is null) return (AlertCommandResult.NotFound(eventId), null, default, null);
        var key = AlertKey.Of(alertEvent);
        if (!alertEvent.IsOpen || !_tracked.TryGetValue(key, out var tracked) || tracked.EventId != eventId)
            return (new AlertCommandResult(AlertCommandOutcome.Conflict, $"alert event {eventId} is resolved", alertEvent), alertEvent, key, null);
        return (null, alertEvent, key, tracked);
    }
}
