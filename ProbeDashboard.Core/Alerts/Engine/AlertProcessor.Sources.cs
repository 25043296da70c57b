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
        SourcesChangedAsync(AlertSource.ForRule(ruleId), async db =>
        {
            var rule = await db.AlertRules.AsNoTracking().SingleOrDefaultAsync(r => r.Id == ruleId && r.Enabled, cancellationToken);
            return rule is null ? [] : [(AlertCandidate.ForRule(rule), rule.Type == AlertRuleType.HostMonitor ? AlertTargetType.Host : AlertTargetType.Service, rule.Watches)];
        }, cancellationToken);

    /// <summary>A monitor was edited, paused or deleted: its own alerts follow its enable_alert / latency_alert settings.</summary>
    public Task MonitorChangedAsync(int monitorId, CancellationToken cancellationToken) =>
        SourcesChangedAsync(AlertSource.ForMonitorDown(monitorId), async db =>
        {
            var monitor = await db.Monitors.AsNoTracking().SingleOrDefaultAsync(m => m.Id == monitorId && m.Enabled, cancellationToken);
            if (monitor is null) serviceSamples.Forget(monitorId);
            return monitor is null ? [] : AlertCandidate.ForMonitor(monitor)
                .Select(c => (c, AlertTargetType.Service, (Func<int, bool>)(id => id == monitorId))).ToList();
        }, cancellationToken, AlertSource.ForMonitorLatency(monitorId));

    private async Task SourcesChangedAsync(
        string sourceKey,
        Func<Storage.ProbeDbContext, Task<List<(AlertCandidate Candidate, AlertTargetType TargetType, Func<int, bool> Watches)>>> currentSources,
        CancellationToken cancellationToken,
        params string[] moreKeys)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await EnsureLoadedAsync(db, cancellationToken);
            var sources = await currentSources(db);
            var keys = moreKeys.Append(sourceKey).ToHashSet();
            var plans = new List<PlannedStep>();
            foreach (var (key, tracked) in _tracked.Where(t => keys.Contains(t.Key.SourceKey)).ToList())
            {
                var source = sources.FirstOrDefault(s => s.Candidate.SourceKey == key.SourceKey && s.TargetType == key.TargetType && s.Watches(key.TargetId));
                if (source.Candidate is not null)
                {
                    tracked.Candidate = source.Candidate;
                    continue;
                }
                if (tracked.State.IsOpen) plans.Add(new PlannedStep(key, tracked, tracked.Candidate, AlertEvaluator.Retire(tracked.State), null));
                else _tracked.Remove(key);
            }
            await ApplyAsync(db, plans, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }
}
