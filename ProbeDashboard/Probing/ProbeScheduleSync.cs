using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Hosts;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Probing;
using ProbeDashboard.Core.Storage;
using Quartz;

namespace ProbeDashboard.Probing;

/// <summary>
/// Keeps the Quartz schedule equal to the enabled monitors in the database: one trigger per (monitor, host).
/// Driven by change events for speed and by a periodic reconcile for certainty. Operations are serialised so
/// an event and a reconcile never interleave. Only the start-up rebuild spreads first fires over the monitors' phases
/// (with one catch-up probe, spread out, for each monitor that missed a round while the server was down:
/// <see cref="StartupCatchUp"/>); a monitor scheduled later (created, resumed, its target, type or interval edited, or
/// now placed on this host) is probed at once, then follows its phase.
/// </summary>
public sealed partial class ProbeScheduleSync(
    IDbContextFactory<ProbeDbContext> dbFactory,
    MonitorCatalog catalog,
    TimeProvider time,
    ILogger<ProbeScheduleSync> logger)
{
    private const int LoadChunk = 500;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IScheduler? _scheduler;
    private ProbeHost _host = new();
    private bool _startupRebuilt;

    /// <summary>The server's own probe host, whose (monitor, host) rounds this process schedules.</summary>
    internal ProbeHost ServerHost => _host;

    internal void Attach(IScheduler scheduler, ProbeHost serverHost)
    {
        _scheduler = scheduler;
        _host = serverHost;
    }

    /// <summary>Schedules new and edited enabled monitors and removes the rest. At start-up this builds the whole schedule, spread.</summary>
    public async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            // Push monitors are never probed (their deadlines have a sweep of their own): not even read here.
            var enabled = await db.Monitors.AsNoTracking().Where(m => m.Enabled && m.Kind != MonitorKind.Push)
                .Select(m => new { m.Id, m.UpdatedAt }).ToDictionaryAsync(m => m.Id, m => m.UpdatedAt, cancellationToken);
            var stale = enabled.Where(e => !catalog.TryGet(e.Key, out var known) || known.UpdatedAt != e.Value).Select(e => e.Key).ToList();
            var gone = catalog.Ids.Where(id => !enabled.ContainsKey(id)).ToList();

            if (_startupRebuilt)
            {
                foreach (var chunk in stale.Chunk(LoadChunk))
                    await ScheduleAsync(await LoadAsync(db, chunk, cancellationToken), _ => time.GetUtcNow(), cancellationToken);
            }
            else
            {
                // Every monitor is read before any trigger is built, so all first fires count from one instant: a slot
                // that passed while the server was down is in the catch-up plan, and every other monitor keeps the slot
                // it would have had without the stop (StartupCatchUp.PhaseFrom).
                var monitors = new List<MonitorDefinition>(stale.Count);
                foreach (var chunk in stale.Chunk(LoadChunk)) monitors.AddRange(await LoadAsync(db, chunk, cancellationToken));
                var now = time.GetUtcNow();
                var catchUp = StartupCatchUp.Plan(monitors.Where(m => ProbeAssignment.RunsOn(m, _host)).ToList(), now);
                await ScheduleAsync(monitors, m => catchUp.TryGetValue(m.Id, out var at) ? at : null, cancellationToken,
                    phaseFrom: m => StartupCatchUp.PhaseFrom(m, now));
                _startupRebuilt = true;
            }
            foreach (var id in gone) await UnscheduleAsync(id, cancellationToken);
            if (stale.Count + gone.Count > 0) LogReconciled(logger, stale.Count, gone.Count, catalog.Count);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Re-reads the server's own host after its group changed and adds or removes its (monitor, server) triggers
    /// for the monitors whose <c>execute_on</c> names that group.
    /// </summary>
    public async Task ReloadServerHostAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var scheduler = _scheduler ?? throw new InvalidOperationException("The probe scheduler has not started.");
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var host = await db.Hosts.AsNoTracking().SingleAsync(h => h.IsServer, cancellationToken);
            var previous = _host;
            _host = host;
            if (host.GroupId == previous.GroupId) return;
            var now = time.GetUtcNow();
            foreach (var id in catalog.Ids.ToList())
            {
                if (!catalog.TryGet(id, out var monitor)) continue;
                var (before, after) = (ProbeAssignment.RunsOn(monitor, previous), ProbeAssignment.RunsOn(monitor, host));
                if (before && !after) await scheduler.UnscheduleJob(ProbeJobKeys.Trigger(id, host.Id), cancellationToken);
                if (after && !before)
                    await scheduler.ScheduleJob(ProbeJob(), [Build(monitor, host.Id, now, probeAt: now)], ScheduleJobOptions.Replacing, cancellationToken);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private static Task<List<MonitorDefinition>> LoadAsync(ProbeDbContext db, int[] ids, CancellationToken cancellationToken) =>
        db.Monitors.AsNoTracking().Where(m => ids.Contains(m.Id)).ToListAsync(cancellationToken);

    /// <param name="probeAt">When to probe each monitor once before it follows its phase; null to wait for the phase.</param>
    /// <param name="phaseFrom">The instant from which a monitor waiting for its phase takes its first slot; now when null.</param>
    private async Task ScheduleAsync(IReadOnlyList<MonitorDefinition> monitors, Func<MonitorDefinition, DateTimeOffset?> probeAt,
        CancellationToken cancellationToken, Func<MonitorDefinition, DateTimeOffset>? phaseFrom = null)
    {
        var scheduler = _scheduler ?? throw new InvalidOperationException("The probe scheduler has not started.");
        var now = time.GetUtcNow();
        var triggers = new List<ITrigger>();
        var dropped = new List<TriggerKey>();
        foreach (var monitor in monitors)
        {
            // Read before the catalog slims the snapshot: the phase after a restart counts from the last probe.
            var from = phaseFrom?.Invoke(monitor) ?? now;
            var previous = catalog.Set(monitor);
            var ranHere = previous is not null && ProbeAssignment.RunsOn(previous, _host);
            if (!ProbeAssignment.RunsOn(monitor, _host))
            {
                if (ranHere) dropped.Add(ProbeJobKeys.Trigger(monitor.Id, _host.Id));
                continue;
            }
            // Same target and interval: the trigger keeps its rhythm and the next fire reads the new snapshot from the catalog.
            if (ranHere && SameRhythm(previous!, monitor)) continue;
            triggers.Add(Build(monitor, _host.Id, from, probeAt(monitor)));
            _rhythms.TryRemove(monitor.Id, out _);
        }
        if (dropped.Count > 0) await scheduler.UnscheduleJobs(dropped, cancellationToken);
        if (triggers.Count > 0)
            await scheduler.ScheduleJobs(new Dictionary<IJobDetail, IReadOnlyCollection<ITrigger>> { [ProbeJob()] = triggers },
                ScheduleJobOptions.Replacing, cancellationToken);
    }

    private async Task UnscheduleAsync(int monitorId, CancellationToken cancellationToken)
    {
        catalog.Remove(monitorId);
        _rhythms.TryRemove(monitorId, out _);
        if (_scheduler is not null) await _scheduler.UnscheduleJob(ProbeJobKeys.Trigger(monitorId, _host.Id), cancellationToken);
    }

    private static bool SameRhythm(MonitorDefinition previous, MonitorDefinition monitor) =>
        previous.IntervalSeconds == monitor.IntervalSeconds && previous.Kind == monitor.Kind && previous.Target == monitor.Target;

    /// <summary>The one durable probe job all the triggers fire; built per call, as Quartz may touch a job's data map.</summary>
    private static IJobDetail ProbeJob() =>
        JobBuilder.Create<ProbeMonitorJob>().WithIdentity(ProbeJobKeys.Job).StoreDurably().Build();

    /// <summary>
    /// The trigger of one (monitor, host): repeating on the monitor's phase, and with <paramref name="probeAt"/> a probe
    /// then, before the phase (which then starts at least 3/4 of an interval later, so both probes are rounds of their own).
    /// </summary>
    internal static ITrigger Build(MonitorDefinition monitor, int hostId, DateTimeOffset now, DateTimeOffset? probeAt)
    {
        var firstPhaseFire = probeAt is { } once
            ? ProbeSchedule.FirstFireAfterProbeNow(monitor.Id, monitor.IntervalSeconds, once)
            : ProbeSchedule.FirstFireAt(monitor.Id, monitor.IntervalSeconds, now);
        return new PhaseTrigger(ProbeJobKeys.Trigger(monitor.Id, hostId), firstPhaseFire, TimeSpan.FromSeconds(monitor.IntervalSeconds), probeAt);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Probe schedule updated: {Scheduled} monitors (re)loaded, {Removed} removed, {Total} known")]
    private static partial void LogReconciled(ILogger logger, int scheduled, int removed, int total);
}
