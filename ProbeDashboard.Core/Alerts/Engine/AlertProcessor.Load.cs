using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ProbeDashboard.Core.Alerts.Evaluation;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Alerts.Engine;

public sealed partial class AlertProcessor
{
    /// <summary>How far back a closed event's last notification still matters for silence_period after a restart.</summary>
    private static readonly TimeSpan NotificationMemory = TimeSpan.FromDays(1);

    /// <summary>
    /// Rebuilds the state machines from the open events (and the last notification times of recent closed
    /// ones), so a restart neither forgets an incident nor announces it again. Events whose rule is gone are closed.
    /// </summary>
    private async Task EnsureLoadedAsync(ProbeDbContext db, CancellationToken cancellationToken)
    {
        if (membership.Enabled) await TakeClusterTurnAsync(db, cancellationToken);
        if (_loaded) return;
        var open = await db.AlertEvents.AsNoTracking().Where(e => e.Status != AlertEventStatus.Resolved).ToListAsync(cancellationToken);
        var rules = await db.AlertRules.AsNoTracking().Where(r => r.Enabled).ToDictionaryAsync(r => r.Id, cancellationToken);
        var monitorIds = open.Where(e => e.AlertRuleId is null).Select(e => e.TargetId).Distinct().ToList();
        var monitors = await db.Monitors.AsNoTracking().Where(m => monitorIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);
        var openIds = open.Select(e => e.Id).ToList();
        var sampleCounts = await db.AlertEventSamples.Where(s => openIds.Contains(s.AlertEventId))
            .GroupBy(s => s.AlertEventId).Select(g => new { Id = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Id, g => g.Count, cancellationToken);

        var orphans = new List<PlannedStep>();
        foreach (var alertEvent in open)
        {
            var key = AlertKey.Of(alertEvent);
            var candidate = CandidateFor(alertEvent, rules, monitors);
            var tracked = new TrackedAlert(candidate ?? Placeholder(alertEvent))
            {
                State = alertEvent.ToState(),
                EventId = alertEvent.Id,
                StoredSamples = sampleCounts.GetValueOrDefault(alertEvent.Id),
            };
            _tracked[key] = tracked;
            if (candidate is null) orphans.Add(new PlannedStep(key, tracked, tracked.Candidate, AlertEvaluator.Retire(tracked.State), null));
        }

        var since = time.GetUtcNow().UtcDateTime - NotificationMemory;
        var notified = await db.AlertEvents.AsNoTracking()
            .Where(e => e.Status == AlertEventStatus.Resolved && e.LastNotifiedAt > since)
            .Select(e => new { e.SourceKey, e.TargetType, e.TargetId, e.LastNotifiedAt, e.Condition, e.AlertRuleName }).ToListAsync(cancellationToken);
        foreach (var last in notified.GroupBy(n => new AlertKey(n.SourceKey, n.TargetType, n.TargetId)))
        {
            if (_tracked.ContainsKey(last.Key)) continue;
            var latest = last.Max(n => n.LastNotifiedAt);
            var rule = AlertSource.TryParse(last.Key.SourceKey, out var kind, out var id) && kind == "rule" ? rules.GetValueOrDefault(id) : null;
            if (rule is null) continue;
            _tracked[last.Key] = new TrackedAlert(AlertCandidate.ForRule(rule)) { State = AlertState.Initial with { LastNotifiedAt = latest } };
        }
        if (!_loaded && _clusterTurn is null)
            logger.LogInformation("Alert engine resumed {OpenEventCount} open events", open.Count - orphans.Count);
        _loaded = true;
        await ApplyAsync(db, orphans, cancellationToken);
    }

    private static AlertCandidate? CandidateFor(AlertEvent alertEvent, Dictionary<int, AlertRule> rules, Dictionary<int, MonitorDefinition> monitors)
    {
        if (!AlertSource.TryParse(alertEvent.SourceKey, out var kind, out var id)) return null;
        if (kind == "rule")
            return rules.TryGetValue(id, out var rule) && rule.Watches(alertEvent.TargetId) ? AlertCandidate.ForRule(rule) : null;
        return monitors.TryGetValue(id, out var monitor) && monitor.Enabled
            ? AlertCandidate.ForMonitor(monitor).FirstOrDefault(c => c.SourceKey == alertEvent.SourceKey)
            : null;
    }

    /// <summary>Stands in for a vanished rule just long enough to close its event.</summary>
    private static AlertCandidate Placeholder(AlertEvent alertEvent) => new(
        alertEvent.SourceKey, alertEvent.AlertRuleId, alertEvent.AlertRuleName, alertEvent.Condition,
        new Conditions.Comparison("success", "==", double.NaN), new AlertPolicy(alertEvent.DurationSeconds),
        alertEvent.Level, null);
}
