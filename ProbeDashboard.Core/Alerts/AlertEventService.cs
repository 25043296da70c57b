using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Alerts.Engine;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Alerts;

/// <summary>
/// Reads alert events and carries out what operators do to them (acknowledge, silence, lift a silence) for the API
/// and the UI. Commands demand alert_events:write and then pass through the alert engine's gate, which stores each
/// change with its audit entry in one transaction; reads demand alert_events:read.
/// </summary>
public sealed class AlertEventService(IDbContextFactory<ProbeDbContext> dbFactory, AlertProcessor processor)
{
    /// <summary>Longest acknowledge note accepted.</summary>
    public const int MaxNoteLength = 2000;

    /// <summary>Most events acknowledged in one call.</summary>
    public const int MaxBulk = 500;

    /// <summary>The acknowledging user is the actor: its <see cref="Actor.UserId"/> and <see cref="Actor.Name"/> are stored as ack_user.</summary>
    public async Task<AlertCommandResult> AcknowledgeAsync(Actor actor, long eventId, string? note, CancellationToken cancellationToken) =>
        (await AcknowledgeManyAsync(actor, [eventId], note, cancellationToken))[0];

    /// <summary>One result per distinct id, in order; a resolved event among them does not stop the others.</summary>
    public async Task<IReadOnlyList<AlertCommandResult>> AcknowledgeManyAsync(Actor actor, IReadOnlyList<long> eventIds, string? note, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.AlertEventsWrite);
        if (eventIds.Count == 0) return [AlertCommandResult.Invalid("ids", "ids must list at least one event id")];
        if (eventIds.Count > MaxBulk) return [AlertCommandResult.Invalid("ids", $"at most {MaxBulk} ids at once")];
        if (note?.Length > MaxNoteLength) return [.. eventIds.Distinct().Select(_ => AlertCommandResult.Invalid("note", $"note is longer than {MaxNoteLength} characters"))];
        var results = new List<AlertCommandResult>();
        foreach (var id in eventIds.Distinct())
            results.Add(await processor.AcknowledgeAsync(id, actor, note, cancellationToken));
        return results;
    }

    /// <param name="durationSeconds">1 s to <see cref="AlertProcessor.MaxSilenceSeconds"/>.</param>
    /// <param name="notifyOnResolve">Whether a recovery during the silence is still announced.</param>
    public async Task<AlertCommandResult> SilenceAsync(Actor actor, long eventId, int durationSeconds, bool notifyOnResolve, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.AlertEventsWrite);
        if (durationSeconds < 1 || durationSeconds > AlertProcessor.MaxSilenceSeconds)
            return AlertCommandResult.Invalid("duration", $"duration must be between 1 and {AlertProcessor.MaxSilenceSeconds} seconds");
        return await processor.SilenceAsync(eventId, actor, durationSeconds, notifyOnResolve, cancellationToken);
    }

    public async Task<AlertCommandResult> LiftSilenceAsync(Actor actor, long eventId, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.AlertEventsWrite);
        return await processor.LiftSilenceAsync(eventId, actor, cancellationToken);
    }

    /// <summary>One page of events, newest first, and the total matching.</summary>
    public async Task<(int Total, IReadOnlyList<AlertEvent> Events)> ListAsync(
        Actor actor, AlertEventFilter filter, int skip, int take, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.AlertEventsRead);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = filter.Apply(db.AlertEvents.AsNoTracking());
        var total = await query.CountAsync(cancellationToken);
        var events = await query.OrderByDescending(e => e.PendingSince).ThenByDescending(e => e.Id)
            .Skip(Math.Max(0, skip)).Take(Math.Max(0, take)).ToListAsync(cancellationToken);
        return (total, events);
    }

    /// <returns>The event with its history and notifications, or null when there is none with this id.</returns>
    public async Task<AlertEventView?> GetAsync(Actor actor, long id, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.AlertEventsRead);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var alertEvent = await db.AlertEvents.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (alertEvent is null) return null;
        var samples = await db.AlertEventSamples.AsNoTracking().Where(s => s.AlertEventId == id)
            .OrderBy(s => s.Timestamp).ThenBy(s => s.Id).Select(s => new HistorySample(s.Timestamp, s.ValuesJson)).ToListAsync(cancellationToken);
        var sent = await db.NotificationOutbox.AsNoTracking().Where(o => o.AlertEventId == id).OrderBy(o => o.Id)
            .Select(o => new SentNotification(o.Id, o.Channel, o.Address, o.Purpose, o.Status, o.Attempts, o.CreatedAt, o.SentAt, o.LastError))
            .ToListAsync(cancellationToken);
        var escalation = await db.EscalationNotices.AsNoTracking().Where(n => n.AlertEventId == id).OrderBy(n => n.Sequence).ToListAsync(cancellationToken);
        // Names for the timeline, read here: a reader of events need not be allowed to read notification groups.
        var groupIds = escalation.SelectMany(n => n.NotificationGroupIds).Distinct().ToList();
        var groupNames = groupIds.Count == 0 ? new Dictionary<int, string>()
            : await db.NotificationGroups.AsNoTracking().Where(g => groupIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.Name, cancellationToken);
        return new AlertEventView(alertEvent, samples, sent, escalation, groupNames);
    }

    /// <summary>Firing and not yet acknowledged: what still needs a person. Silenced events are being handled.</summary>
    public async Task<int> CountUnhandledAsync(Actor actor, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.AlertEventsRead);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AlertEvents.CountAsync(e => e.Status == AlertEventStatus.Firing && !e.Acknowledged, cancellationToken);
    }

    /// <summary>The rules events can be filtered by, by name.</summary>
    public async Task<IReadOnlyList<AlertChoice>> RuleChoicesAsync(Actor actor, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.AlertEventsRead);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AlertRules.AsNoTracking().OrderBy(r => r.Name).Select(r => new AlertChoice(r.Id, r.Name)).ToListAsync(cancellationToken);
    }
}
