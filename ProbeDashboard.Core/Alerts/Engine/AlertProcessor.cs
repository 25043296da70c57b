using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ProbeDashboard.Core.Alerts.Conditions;
using ProbeDashboard.Core.Alerts.Evaluation;
using ProbeDashboard.Core.Events;
using ProbeDashboard.Core.Notifications;
using ProbeDashboard.Core.Results;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Alerts.Engine;

/// <summary>
/// Owns every (rule, target) state machine. Samples, ticks and operators' commands all pass through one gate,
/// so the in-memory states and the stored events never disagree; each call writes in one transaction and
/// publishes <see cref="AlertEventChanged"/> only after it commits. In a cluster the gate spans the nodes (see
/// <see cref="EnsureLoadedAsync"/>): results, pings and agent reports land on any node, so any node may judge, but only
/// one at a time, and each starts from the stored events rather than from its own memory.
/// </summary>
public sealed partial class AlertProcessor(
    IDbContextFactory<ProbeDbContext> dbFactory,
    EventBus bus,
    TimeProvider time,
    ServiceSampleSource serviceSamples,
    NotificationComposer composer,
    NotificationSignal notificationSignal,
    ILogger<AlertProcessor> logger,
    Audit.IAuditLog audit,
    Escalation.Escalator escalator,
    Maintenance.MaintenanceCalendar maintenance,
    Hosts.Dependencies.HostDependencies hostDependencies,
    Cluster.ClusterMembership membership)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<AlertKey, TrackedAlert> _tracked = [];
    private bool _loaded;
    private long _lastTickTicks;

    /// <summary>The clock time the last finished tick judged the open events at: tests on a fake clock wait for it.</summary>
    internal DateTime LastTickAt => new(Interlocked.Read(ref _lastTickTicks), DateTimeKind.Utc);

    /// <summary>Evaluates service_probe rules and monitors' own alerts on completed rounds (not on single results).</summary>
    public async Task ProcessRoundsAsync(IReadOnlyList<ProbeRound> rounds, CancellationToken cancellationToken)
    {
        if (rounds.Count == 0) return;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await EnsureLoadedAsync(db, cancellationToken);
            var rules = await EnabledRulesAsync(db, AlertRuleType.ServiceProbe, cancellationToken);
            var availabilityRules = rules.Where(r => r.ParsedCondition.Metrics.Contains(AlertMetrics.Availability1h)).ToList();
            var samples = await serviceSamples.SamplesAsync(db, rounds,
                monitorId => availabilityRules.Any(r => r.Watches(monitorId)), cancellationToken);
            if (samples.Count == 0) return;
            LearnDependencies(samples.Select(s => s.Monitor));
            // A monitor in maintenance is probed and stored but not judged: its samples move no alert.
            var muted = await maintenance.ActiveAsync(db, time.GetUtcNow().UtcDateTime, cancellationToken);
            if (!muted.IsEmpty) samples = [.. samples.Where(s => !muted.MonitorIds.Contains(s.Monitor.Id))];
            var plans = new List<PlannedStep>();
            foreach (var (monitor, sample) in samples)
            {
                var candidates = rules.Where(r => r.Watches(monitor.Id)).Select(AlertCandidate.ForRule)
                    .Concat(monitor.OwnCandidates);
                Plan(plans, candidates, sample);
            }
            await ApplyAsync(db, plans, cancellationToken);
        }
        finally
        {
            await LeaveGateAsync();
        }
    }

    public async Task ProcessHostMetricsAsync(HostMetricsSampled metrics, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await EnsureLoadedAsync(db, cancellationToken);
            var muted = await maintenance.ActiveAsync(db, time.GetUtcNow().UtcDateTime, cancellationToken);
            if (muted.HostIds.Contains(metrics.HostId)) return;
            var rules = await EnabledRulesAsync(db, AlertRuleType.HostMonitor, cancellationToken);
            var sample = new AlertTargetSample(AlertTargetType.Host, metrics.HostId, metrics.HostName,
                metrics.HostUuid.ToString(), metrics.Timestamp, metrics.Metrics);
            var plans = new List<PlannedStep>();
            Plan(plans, rules.Where(r => r.Watches(metrics.HostId)).Select(AlertCandidate.ForRule), sample);
            await ApplyAsync(db, plans, cancellationToken);
        }
        finally
        {
            await LeaveGateAsync();
        }
    }

    /// <summary>Lets time act on open events: due firings, ended silences, reminders, due escalation steps.</summary>
    public async Task TickAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await EnsureLoadedAsync(db, cancellationToken);
            var now = time.GetUtcNow().UtcDateTime;
            var plans = new List<PlannedStep>();
            var muted = await maintenance.ActiveAsync(db, now, cancellationToken);
            // In maintenance, time moves nothing either: a pending event does not fire, a firing one sends no reminder.
            foreach (var (key, tracked) in _tracked.Where(t => t.Value.State.IsOpen && !IsMuted(muted, t.Key)))
            {
                var step = AlertEvaluator.Tick(tracked.Candidate.Policy, tracked.State, now);
                if (step.Changed) plans.Add(new PlannedStep(key, tracked, tracked.Candidate, step, null));
            }
            await ApplyAsync(db, plans, cancellationToken);
            db.ChangeTracker.Clear();
            if (await escalator.SweepAsync(db, now, cancellationToken) > 0) notificationSignal.Notify();
            Interlocked.Exchange(ref _lastTickTicks, now.Ticks);
        }
        finally
        {
            await LeaveGateAsync();
        }
    }

    private void Plan(List<PlannedStep> plans, IEnumerable<AlertCandidate> candidates, AlertTargetSample sample)
    {
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var candidate in candidates)
        {
            var key = new AlertKey(candidate.SourceKey, sample.TargetType, sample.TargetId);
            if (!_tracked.TryGetValue(key, out var tracked))
                _tracked[key] = tracked = new TrackedAlert(candidate);
            tracked.Candidate = candidate;
            // Earlier samples of this batch may already have moved this key: continue from the planned state.
            var state = plans.FindLast(p => p.Key == key)?.Step.State ?? tracked.State;
            var step = AlertEvaluator.Next(candidate.Policy, state, candidate.Node.Evaluate(sample.Metrics), now);
            if (CertificateAlerts.ClosesQuietly(candidate, sample, step)) step = AlertEvaluator.Retire(state);
            if (step.Changed || step.State.IsOpen)
                plans.Add(new PlannedStep(key, tracked, candidate, step, sample));
            if (!step.State.IsOpen)
                tracked.Remember(sample.Timestamp, TrackedAlert.ValuesJson(candidate, sample, withTimestamp: false));
        }
    }

    private static bool IsMuted(Maintenance.ActiveMaintenance muted, AlertKey key) => key.TargetType switch
    {
        AlertTargetType.Service => muted.MonitorIds.Contains(key.TargetId),
        AlertTargetType.Host => muted.HostIds.Contains(key.TargetId),
        _ => false,
    };

    private static async Task<List<AlertRule>> EnabledRulesAsync(ProbeDbContext db, AlertRuleType type, CancellationToken cancellationToken) =>
        await db.AlertRules.AsNoTracking().Where(r => r.Enabled && r.Type == type).ToListAsync(cancellationToken);
}
