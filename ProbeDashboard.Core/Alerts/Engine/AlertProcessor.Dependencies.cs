using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Alerts.Evaluation;
using ProbeDashboard.Core.Monitors.Dependencies;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Alerts.Engine;

/// <summary>
/// Monitor dependencies (<c>depends_on</c>): while a monitor's parent is offline, the monitor's alert events are
/// suppressed (stored and shown, "suppressed by uplink", but nobody is notified and no escalation starts). When the
/// parent is back and the event is still firing, it fires then, once, as if it had just fired; if it resolved meanwhile,
/// it goes quietly, since nobody heard of it. Certificate alerts are not failures of the monitor and are never suppressed.
/// Hosts depend on monitors through their group's depends_on (<see cref="Hosts.Dependencies.HostDependencies"/>), and
/// a chain is followed up to its root cause (<see cref="DependencyChains"/>), which is the name the event records.
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
        bool Gated(PlannedStep p) => p.Key.TargetType == AlertTargetType.Host
            || (p.Key.TargetType == AlertTargetType.Service && p.Candidate.CertificateThreshold is null);
        var suppressedBefore = plans.Where(p => Gated(p) && p.Tracked.EventId is { } id && stored.TryGetValue(id, out var e) && e.IsSuppressed)
            .Select(p => p.Key).ToHashSet();
        var hostParents = plans.Any(p => p.Key.TargetType == AlertTargetType.Host)
            ? await hostDependencies.ByHostAsync(db, cancellationToken) : new Dictionary<int, IReadOnlyList<int>>();
        if (_dependsOn.Count == 0 && hostParents.Count == 0 && suppressedBefore.Count == 0) return (plans, decisions);
        var offline = await OfflineParentsAsync(db, plans.Where(Gated).Select(p => p.Key), hostParents, cancellationToken);
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
            var parent = offline.GetValueOrDefault((key.TargetType, key.TargetId));
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

    /// <summary>
    /// The root cause (<see cref="DependencyChains"/>) of each of <paramref name="keys"/> that has an offline ancestor:
    /// a monitor's through its own depends_on, a host's through its group's.
    /// </summary>
    private async Task<Dictionary<(AlertTargetType, int), Suppression>> OfflineParentsAsync(
        ProbeDbContext db, IEnumerable<AlertKey> keys, IReadOnlyDictionary<int, IReadOnlyList<int>> hostParents, CancellationToken cancellationToken)
    {
        var parentsOf = new Dictionary<(AlertTargetType, int), IReadOnlyList<int>>();
        foreach (var key in keys)
        {
            var parents = key.TargetType == AlertTargetType.Host ? hostParents.GetValueOrDefault(key.TargetId) : _dependsOn.GetValueOrDefault(key.TargetId);
            if (parents is { Count: > 0 }) parentsOf[(key.TargetType, key.TargetId)] = parents;
        }
        if (parentsOf.Count == 0) return [];
        var roots = await DependencyChains.RootCausesAsync(db, parentsOf, cancellationToken);
        return roots.ToDictionary(r => r.Key, r => new Suppression(r.Value.MonitorId, r.Value.Name));
    }
}
