using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Alerts.Evaluation;

namespace ProbeDashboard.Core.Alerts.Engine;

public sealed partial class AlertProcessor
{
    /// <summary>
    /// A rule was edited, disabled or deleted: its open events on targets it no longer watches are closed
    /// quietly, and the remaining ones continue under the new settings.
    /// </summary>
    public Task RuleChangedAsync(int ruleId, CancellationToken cancellationToken) =>
        SourcesChangedAsync(key => key.SourceKey == AlertSource.ForRule(ruleId), async db =>
        {
            var rule = await db.AlertRules.AsNoTracking().SingleOrDefaultAsync(r => r.Id == ruleId && r.Enabled, cancellationToken);
            var targetType = rule?.Type == AlertRuleType.HostMonitor ? AlertTargetType.Host : AlertTargetType.Service;
            return rule is null ? [] : [(AlertCandidate.ForRule(rule), key => key.TargetType == targetType && rule.Watches(key.TargetId))];
        }, cancellationToken);

    /// <summary>
    /// A monitor was edited, paused or deleted. Paused or deleted: every open event about it closes, whichever
    /// rule raised it. Edited: its own alerts follow its enable_alert / latency_alert settings.
    /// </summary>
    public Task MonitorChangedAsync(int monitorId, CancellationToken cancellationToken)
    {
        Func<AlertKey, bool> aboutMonitor = key => key.TargetType == AlertTargetType.Service && key.TargetId == monitorId;
        return SourcesChangedAsync(aboutMonitor, async db =>
        {
            var monitor = await db.Monitors.AsNoTracking().SingleOrDefaultAsync(m => m.Id == monitorId && m.Enabled, cancellationToken);
            if (monitor is null) return [];
            // Explicit rules' events on a live monitor are the rules' business: keep them as they are.
            var keep = _tracked.Keys.Where(k => aboutMonitor(k) && AlertSource.IsRule(k.SourceKey))
                .Select(k => (_tracked[k].Candidate, (Func<AlertKey, bool>)(key => key == k)));
            return AlertCandidate.ForMonitor(monitor).Select(c => (c, aboutMonitor)).Concat(keep).ToList();
        }, cancellationToken);
    }

    /// <summary>
    /// Re-checks the tracked keys <paramref name="affects"/> selects against the sources as they are now:
    /// a key whose source still applies takes the new settings, any other open one is retired.
    /// </summary>
    private async Task SourcesChangedAsync(
        Func<AlertKey, bool> affects,
        Func<Storage.ProbeDbContext, Task<List<(AlertCandidate Candidate, Func<AlertKey, bool> Covers)>>> currentSources,
        CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await EnsureLoadedAsync(db, cancellationToken);
            var affected = _tracked.Where(t => affects(t.Key)).ToList();
            // Nothing tracked about it (a monitor just created, most often): nothing to re-check, nothing to read.
            if (affected.Count == 0) return;
            var sources = await currentSources(db);
            var plans = new List<PlannedStep>();
            foreach (var (key, tracked) in affected)
            {
                var source = sources.FirstOrDefault(s => s.Candidate.SourceKey == key.SourceKey && s.Covers(key));
                if (source.Candidate is not null)
                    tracked.Candidate = source.Candidate;
                else if (tracked.State.IsOpen)
                    plans.Add(new PlannedStep(key, tracked, tracked.Candidate, AlertEvaluator.Retire(tracked.State), null));
                else
                    _tracked.Remove(key);
            }
            await ApplyAsync(db, plans, cancellationToken);
        }
        finally
        {
            await LeaveGateAsync();
        }
    }
}
