using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Alerts.Evaluation;
using ProbeDashboard.Core.Audit;

namespace ProbeDashboard.Core.Alerts.Engine;

public enum AlertCommandOutcome
{
    Done,
    NotFound,
    /// <summary>The event is in no state for this (resolved, or not silenced when lifting a silence).</summary>
    Conflict,
}

public sealed record AlertCommandResult(AlertCommandOutcome Outcome, string Message, AlertEvent? Event = null)
{
    public static AlertCommandResult NotFound(long id) => new(AlertCommandOutcome.NotFound, $"alert event {id} not found");
}

/// <summary>Who acknowledges: the signed-in user.</summary>
public sealed record AlertActor(int UserId, string UserName);

public sealed partial class AlertProcessor
{
    /// <summary>Longest silence an operator may set: 30 days.</summary>
    public const int MaxSilenceSeconds = 30 * 24 * 3600;

    public async Task<AlertCommandResult> AcknowledgeAsync(long eventId, AlertActor actor, string? note, CancellationToken cancellationToken) =>
        await AuditedAsync(AuditActions.AlertAcknowledge, eventId, note, await CommandAsync(eventId, (alertEvent, tracked, now) =>
        {
            tracked.State = AlertEvaluator.Acknowledge(tracked.State);
            alertEvent.Acknowledged = true;
            alertEvent.AckUserId = actor.UserId;
            alertEvent.AckUserName = actor.UserName;
            alertEvent.AckTime = now;
            alertEvent.AckNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
            return AlertEventChange.Acknowledged;
        }, cancellationToken), cancellationToken);

    /// <param name="notifyOnResolve">Whether a recovery during the silence is still announced (it always resolves the event).</param>
    public async Task<AlertCommandResult> SilenceAsync(long eventId, int durationSeconds, bool notifyOnResolve, CancellationToken cancellationToken) =>
        await AuditedAsync(AuditActions.AlertSilence, eventId, $"{durationSeconds} s", await CommandAsync(eventId, (alertEvent, tracked, now) =>
        {
            tracked.State = AlertEvaluator.Silence(tracked.State, now.AddSeconds(durationSeconds), notifyOnResolve);
            alertEvent.Apply(tracked.State, now);
            return AlertEventChange.Silenced;
        }, cancellationToken), cancellationToken);

    /// <summary>Ends a silence early; the event is firing (or pending) again, and a due reminder goes out.</summary>
    public async Task<AlertCommandResult> LiftSilenceAsync(long eventId, CancellationToken cancellationToken) =>
        await AuditedAsync(AuditActions.AlertLiftSilence, eventId, null, await LiftSilenceUnauditedAsync(eventId, cancellationToken), cancellationToken);

    /// <summary>Records an operator's command on an event once it took effect.</summary>
    private async Task<AlertCommandResult> AuditedAsync(string action, long eventId, string? detail, AlertCommandResult result, CancellationToken cancellationToken)
    {
        if (result.Outcome == AlertCommandOutcome.Done)
            await audit.RecordAsync(action, $"alert event #{eventId} {result.Event?.Title}", detail, cancellationToken);
        return result;
    }

    private async Task<AlertCommandResult> LiftSilenceUnauditedAsync(long eventId, CancellationToken cancellationToken)
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
            await ApplyAsync(db, [new PlannedStep(key, tracked, tracked.Candidate, step, null)], cancellationToken);
            var updated = await db.AlertEvents.AsNoTracking().SingleAsync(e => e.Id == eventId, cancellationToken);
            return new AlertCommandResult(AlertCommandOutcome.Done, "silence lifted", updated);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<AlertCommandResult> CommandAsync(
        long eventId, Func<AlertEvent, TrackedAlert, DateTime, AlertEventChange> change, CancellationToken cancellationToken)
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
            var published = change(alertEvent!, tracked, now);
            alertEvent!.UpdatedAt = now;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch
            {
                tracked.State = before;
                throw;
            }
            bus.Publish(new AlertEventChanged(published, AlertEventSummary.Of(alertEvent)));
            return new AlertCommandResult(AlertCommandOutcome.Done, "success", alertEvent);
        }
        finally
        {
            _gate.Release();
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
