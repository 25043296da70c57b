using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ProbeDashboard.Core.Alerts.Evaluation;
using ProbeDashboard.Core.Notifications;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Alerts.Engine;

public sealed partial class AlertProcessor
{
    /// <summary>
    /// Writes planned steps, their samples and their notifications in one transaction, then updates memory
    /// and publishes. If the write fails, memory keeps the old states, which still match the database.
    /// </summary>
    private async Task ApplyAsync(ProbeDbContext db, List<PlannedStep> plans, CancellationToken cancellationToken)
    {
        if (plans.Count == 0) return;
        var now = time.GetUtcNow().UtcDateTime;
        var eventIds = plans.Select(p => p.Tracked.EventId).OfType<long>().Distinct().ToList();
        var stored = await db.AlertEvents.Where(e => eventIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, cancellationToken);
        (plans, var suppressions) = await GateByDependenciesAsync(db, plans, stored, cancellationToken);
        var notifying = plans.Where(p => p.Step.Notification != AlertNotificationKind.None).ToList();
        var groups = await GroupsAsync(db, notifying.Select(p => p.Candidate.NotificationGroupId), cancellationToken);
        var defaultGroups = notifying.Any(p => p.Candidate.UsesDefaultGroups) ? await DefaultGroupsAsync(db, cancellationToken) : [];

        var current = new Dictionary<AlertKey, AlertEvent?>();
        var published = new List<(AlertEventChange Change, AlertEvent Event)>();
        var notifications = new List<(AlertEvent Event, NotificationPurpose Purpose, NotificationGroup Group)>();
        var storedSamples = new Dictionary<AlertKey, int>();
        var fired = new List<AlertEvent>();
        var resolved = new List<(AlertEvent Event, bool Announced)>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var plan in plans)
        {
            var (key, tracked, candidate, step, sample) = plan;
            if (!current.TryGetValue(key, out var alertEvent))
                alertEvent = tracked.EventId is { } id ? stored.GetValueOrDefault(id) : null;
            var samples = storedSamples.GetValueOrDefault(key, alertEvent is null ? 0 : tracked.StoredSamples);

            if (step.Changes.HasFlag(AlertChanges.Opened))
            {
                alertEvent = NewEvent(candidate, sample!, step.State);
                foreach (var (timestamp, values) in tracked.Recent)
                    alertEvent.Samples.Add(new AlertEventSample { Timestamp = timestamp, ValuesJson = values });
                samples = alertEvent.Samples.Count;
                db.AlertEvents.Add(alertEvent);
                published.Add((AlertEventChange.Opened, alertEvent));
            }
            if (alertEvent is null) continue;
            if (step.Changes.HasFlag(AlertChanges.Discarded))
            {
                db.AlertEvents.Remove(alertEvent);
                published.Add((AlertEventChange.Discarded, alertEvent));
                current[key] = null;
                continue;
            }
            if (sample is not null)
            {
                alertEvent.CurrentValueJson = TrackedAlert.ValuesJson(candidate, sample, withTimestamp: true);
                if (samples < TrackedAlert.MaxStoredSamples)
                {
                    alertEvent.Samples.Add(new AlertEventSample { Timestamp = sample.Timestamp, ValuesJson = TrackedAlert.ValuesJson(candidate, sample, false) });
                    samples++;
                }
            }
            alertEvent.Apply(step.State, now);
            RecordSuppression(alertEvent, plan, suppressions);
            if (step.Changes.HasFlag(AlertChanges.Fired))
            {
                alertEvent.Message = Describe(alertEvent, candidate, fired: true);
                published.Add((AlertEventChange.Fired, alertEvent));
                // A suppressed event starts no escalation; it does when it is released, still firing.
                if (!alertEvent.IsSuppressed) fired.Add(alertEvent);
            }
            if (step.Changes.HasFlag(AlertChanges.SilenceEnded) && step.State.IsOpen) published.Add((AlertEventChange.SilenceEnded, alertEvent));
            if (step.Changes.HasFlag(AlertChanges.Resolved))
            {
                published.Add((AlertEventChange.Resolved, alertEvent));
                resolved.Add((alertEvent, step.Notification == AlertNotificationKind.Resolved));
            }
            if (step.Notification != AlertNotificationKind.None)
            {
                var audience = candidate.UsesDefaultGroups ? defaultGroups
                    : candidate.NotificationGroupId is { } groupId && groups.TryGetValue(groupId, out var group) ? [group] : [];
                notifications.AddRange(audience.Select(g => (alertEvent, (NotificationPurpose)step.Notification, g)));
            }
            current[key] = step.State.IsOpen ? alertEvent : null;
            storedSamples[key] = samples;
        }

        var escalating = false;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            escalating = await EscalateAsync(db, fired, resolved, notifications, now, cancellationToken);
            foreach (var (alertEvent, purpose, group) in notifications)
                db.NotificationOutbox.AddRange(composer.Compose(alertEvent, purpose, group, now));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException e)
        {
            logger.LogError(e, "Could not store {StepCount} alert changes; states stay as they were", plans.Count);
            return;
        }

        foreach (var plan in plans)
            plan.Tracked.State = plan.Step.State;
        foreach (var (key, alertEvent) in current)
        {
            var tracked = _tracked[key];
            tracked.EventId = alertEvent?.Id;
            tracked.StoredSamples = alertEvent is null ? 0 : storedSamples[key];
            if (alertEvent is null) tracked.Recent.Clear();
        }
        // An event opened and discarded within one batch was never stored: nobody needs to hear of it.
        foreach (var (change, alertEvent) in published.Where(p => p.Event.Id != 0))
        {
            if (change is AlertEventChange.Fired or AlertEventChange.Resolved)
                logger.LogInformation("Alert {AlertEventId} {Change}: {Title}", alertEvent.Id, change, alertEvent.Title);
            bus.Publish(new AlertEventChanged(change, AlertEventSummary.Of(alertEvent)));
        }
        if (notifications.Count > 0) notificationSignal.Notify();
        // A first step due at once goes out now rather than at the next tick; if this fails, the tick sends it.
        if (escalating) await SweepEscalationsAsync(db, now, cancellationToken);
    }

    /// <summary>
    /// Inside the transaction of the changes: starts the escalation of events that fired with a policy, cancels the due
    /// steps of events that resolved, and adds the groups an escalation notified to the audience of a recovery notice.
    /// </summary>
    /// <returns>True when an escalation started.</returns>
    private static async Task<bool> EscalateAsync(ProbeDbContext db, List<AlertEvent> fired, List<(AlertEvent Event, bool Announced)> resolved,
        List<(AlertEvent Event, NotificationPurpose Purpose, NotificationGroup Group)> notifications, DateTime now, CancellationToken cancellationToken)
    {
        var policyIds = fired.Select(e => e.EscalationPolicyId).OfType<int>().Distinct().ToList();
        var policies = policyIds.Count == 0 ? [] : await db.EscalationPolicies.AsNoTracking()
            .Where(p => policyIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var started = false;
        foreach (var alertEvent in fired)
        {
            if (alertEvent.EscalationPolicyId is not { } policyId || !policies.TryGetValue(policyId, out var policy)) continue;
            Escalation.Escalator.Start(db, alertEvent, policy, now);
            started = true;
        }
        foreach (var (alertEvent, announced) in resolved.Where(r => r.Event.EscalationPolicyId is not null))
        {
            await Escalation.Escalator.CancelDueAsync(db, alertEvent.Id, Escalation.Escalator.Resolved, now, cancellationToken);
            if (!announced) continue;
            var told = notifications.Where(n => n.Event == alertEvent).Select(n => n.Group.Id).ToHashSet();
            var escalated = await Escalation.Escalator.NotifiedGroupIdsAsync(db, alertEvent.Id, cancellationToken);
            var more = await GroupsAsync(db, escalated.Where(id => !told.Contains(id)).Select(id => (int?)id), cancellationToken);
            notifications.AddRange(more.Values.OrderBy(g => g.Id).Select(g => (alertEvent, NotificationPurpose.Resolved, g)));
        }
        return started;
    }

    private async Task SweepEscalationsAsync(ProbeDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        try
        {
            db.ChangeTracker.Clear();
            if (await escalator.SweepAsync(db, now, cancellationToken) > 0) notificationSignal.Notify();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Escalation sweep after an alert change failed; the next tick retries it");
        }
    }

    private static async Task<Dictionary<int, NotificationGroup>> GroupsAsync(ProbeDbContext db, IEnumerable<int?> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.OfType<int>().Distinct().ToList();
        if (wanted.Count == 0) return [];
        return await db.NotificationGroups.AsNoTracking().Include(g => g.Recipients.OrderBy(r => r.Id))
            .Where(g => wanted.Contains(g.Id)).ToDictionaryAsync(g => g.Id, cancellationToken);
    }

    private static async Task<List<NotificationGroup>> DefaultGroupsAsync(ProbeDbContext db, CancellationToken cancellationToken) =>
        await db.NotificationGroups.AsNoTracking().Include(g => g.Recipients.OrderBy(r => r.Id)).Where(g => g.IsDefault).OrderBy(g => g.Id).ToListAsync(cancellationToken);

    private AlertEvent NewEvent(AlertCandidate candidate, AlertTargetSample sample, AlertState state)
    {
        var alertEvent = new AlertEvent
        {
            SourceKey = candidate.SourceKey,
            AlertRuleId = candidate.AlertRuleId,
            AlertRuleName = candidate.Name,
            Condition = candidate.Condition,
            DurationSeconds = candidate.Policy.DurationSeconds,
            TargetType = sample.TargetType,
            TargetId = sample.TargetId,
            TargetName = sample.TargetName,
            TargetUuid = sample.TargetUuid,
            Level = candidate.Level,
            NotificationGroupId = candidate.NotificationGroupId,
            EscalationPolicyId = candidate.EscalationPolicyId,
            PendingSince = state.PendingSince ?? time.GetUtcNow().UtcDateTime,
            Title = candidate.AlertRuleId is not null ? $"{candidate.Name} on {sample.TargetName}"
                : candidate.CertificateThreshold is not null ? CertificateAlerts.Title(candidate.Name, sample)
                : candidate.Name,
        };
        alertEvent.CurrentValueJson = TrackedAlert.ValuesJson(candidate, sample, withTimestamp: true);
        alertEvent.Message = Describe(alertEvent, candidate, fired: false);
        return alertEvent;
    }

    /// <summary>"service api-prod: latency > 2 holds (latency=3.1), for 300 s". What operators read in lists and mails.</summary>
    private static string Describe(AlertEvent alertEvent, AlertCandidate candidate, bool fired)
    {
        var values = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, System.Text.Json.JsonElement>>(alertEvent.CurrentValueJson) ?? [];
        var shown = string.Join(", ", values.Where(v => v.Key != "timestamp").Select(v => $"{v.Key}={v.Value}"));
        var text = $"{AlertNames.Of(alertEvent.TargetType)} {alertEvent.TargetName}: {candidate.Condition} holds ({shown})";
        if (fired && candidate.Policy.DurationSeconds > 0)
            text += string.Create(CultureInfo.InvariantCulture, $", for {candidate.Policy.DurationSeconds} s");
        return text;
    }
}
