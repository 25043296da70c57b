using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Alerts.Evaluation;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Alerts.Engine;

/// <summary>
/// Monitor dependencies (<c>depends_on</c>): while a monitor's parent is offline, the monitor's alert events are
/// suppressed (stored and shown, "suppressed by uplink", but nobody is notified and no escalation starts). When the
/// parent is back and the event is still firing, it fires then, once, as if it had just fired; if it resolved meanwhile,
/// it goes quietly, since nobody heard of it. Certificate alerts are not failures of the monitor and are never suppressed.
/// </summary>
public sealed partial class AlertProcessor
{
    /// <summary>
    /// The parents of the monitors that have any, learnt from their rounds: kept in memory so a tick (which sees no
    /// monitor) knows them too, and so monitors without dependencies cost one dictionary lookup.
    /// </summary>
    private readonly Dictionary<int, IReadOnlyList<int>> _dependsOn = [];

    private sealed record Suppression(int ParentId, string ParentName);

    private void LearnDependencies(IEnumerable<MonitorAlertProfile> monitors)
    {
        foreach (var monitor in monitors)
        {
            if (monitor.DependsOn.Count > 0) _dependsOn[monitor.Id] = monitor.DependsOn;
            else _dependsOn.Remove(monitor.Id);
        }
    }

    /// <summary>
    /// Rewrites the notifications of <paramref name="plans"/> whose monitor has an offline parent (none) or whose
    /// suppressed event may go out now (fired), and returns what to record on each event. One query, for the parents of
    /// the planned monitors that have any; none when no planned monitor has one.
    /// </summary>
    private async Task<(List<PlannedStep> Plans, Dictionary<PlannedStep, Suppression?> Decisions)> GateByDependenciesAsync(
        ProbeDbContext db, List<PlannedStep> plans, IReadOnlyDictionary<long, AlertEvent> stored, CancellationToken cancellationToken)
    {
        var decisions = new Dictionary<PlannedStep, Suppression?>(ReferenceEqualityComparer.Instance);
        bool Gated(PlannedStep p) => p.Key.TargetType == AlertTargetType.Service && p.Candidate.CertificateThreshold is null;
        var suppressedBefore = plans.Where(p => Gated(p) && p.Tracked.EventId is { } id && stored.TryGetValue(id, out var e) && e.IsSuppressed)
            .Select(p => p.Key).ToHashSet();
        if (_dependsOn.Count == 0 && suppressedBefore.Count == 0) return (plans, decisions);
        var offline = await OfflineParentsAsync(db, plans.Where(Gated).Select(p => p.Key.TargetId), cancellationToken);
        if (offline.Count == 0 && suppressedBefore.Count == 0) return (plans, decisions);

        var rewritten = new List<PlannedStep>(plans.Count);
        // Several steps of one key may be planned in one batch: each continues from the one before.
        var suppressed = suppressedBefore;
        var firing = plans.Select(p => p.Key).Distinct().ToDictionary(k => k, k => plans.First(p => p.Key == k).Tracked.State.Phase == AlertPhase.Firing);
        foreach (var planned in plans)
        {
            var plan = planned;
            var (key, step) = (plan.Key, plan.Step);
            var wasFiring = firing[key];
            firing[key] = step.State.Phase == AlertPhase.Firing;
            if (!Gated(plan)) { rewritten.Add(plan); continue; }
            var parent = offline.GetValueOrDefault(key.TargetId);
            // An event that already told people stays as it is: suppression applies to what has not gone out yet.
            if (parent is not null && (suppressed.Contains(key) || !wasFiring || step.Changes.HasFlag(AlertChanges.Opened)))
            {
                suppressed.Add(key);
                decisions[plan = plan with { Step = step with { Notification = AlertNotificationKind.None } }] = parent;
            }
            else if (parent is null && suppressed.Remove(key))
            {
                var stillFiring = step.State.IsOpen && step.State.Phase == AlertPhase.Firing;
                decisions[plan = plan with
                {
                    Step = stillFiring
                        ? step with { Changes = step.Changes | AlertChanges.Fired, Notification = AlertNotificationKind.Fired }
                        : step with { Notification = AlertNotificationKind.None },
                }] = null;
            }
            rewritten.Add(plan);
        }
        return (rewritten, decisions);
    }

    /// <summary>Records a decision of <see cref="GateByDependenciesAsync"/> on the event.</summary>
    private static void RecordSuppression(AlertEvent alertEvent, PlannedStep plan, Dictionary<PlannedStep, Suppression?> decisions)
    {
        if (!decisions.TryGetValue(plan, out var suppression)) return;
        (alertEvent.SuppressedByMonitorId, alertEvent.SuppressedByName) = (suppression?.ParentId, suppression?.ParentName);
    }

    /// <summary>The first offline parent (in depends_on order) of each of <paramref name="monitorIds"/> that has one.</summary>
    private async Task<Dictionary<int, Suppression>> OfflineParentsAsync(ProbeDbContext db, IEnumerable<int> monitorIds, CancellationToken cancellationToken)
    {
        var children = monitorIds.Distinct().Where(_dependsOn.ContainsKey).ToList();
        if (children.Count == 0) return [];
        var parentIds = children.SelectMany(c => _dependsOn[c]).Distinct().ToList();
        var offline = await db.Monitors.AsNoTracking()
            .Where(m => parentIds.Contains(m.Id) && m.Enabled && m.Current.Status == MonitorStatus.Offline)
            .Select(m => new { m.Id, m.Name }).ToDictionaryAsync(m => m.Id, m => m.Name, cancellationToken);
        var found = new Dictionary<int, Suppression>();
        foreach (var child in children)
            if (_dependsOn[child].FirstOrDefault(offline.ContainsKey) is var parent && parent != 0)
                found[child] = new Suppression(parent, offline[parent]);
        return found;
    }
}
