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
/// an event and a reconcile never interleave.
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

    internal void Attach(IScheduler scheduler, ProbeHost serverHost)
    {
        _scheduler = scheduler;
        _host = serverHost;
    }

    /// <summary>Schedules new and edited enabled monitors and removes the rest. At start-up this builds the whole schedule.</summary>
    public async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var enabled = await db.Monitors.AsNoTracking().Where(m => m.Enabled)
                .Select(m => new { m.Id, m.UpdatedAt }).ToDictionaryAsync(m => m.Id, m => m.UpdatedAt, cancellationToken);
            var stale = enabled.Where(e => !catalog.TryGet(e.Key, out var known) || known.UpdatedAt != e.Value).Select(e => e.Key).ToList();
            var gone = catalog.Ids.Where(id => !enabled.ContainsKey(id)).ToList();

            foreach (var chunk in stale.Chunk(LoadChunk))
            {
                var monitors = await db.Monitors.AsNoTracking().Where(m => chunk.Contains(m.Id)).ToListAsync(cancellationToken);
                await ScheduleAsync(monitors, cancellationToken);
            }
            foreach (var id in gone) await UnscheduleAsync(id, cancellationToken);
            if (stale.Count + gone.Count > 0) LogReconciled(logger, stale.Count, gone.Count, catalog.Count);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Applies one monitor's current configuration: (re)schedule, or unschedule when disabled or deleted.</summary>
    public async Task SyncMonitorAsync(int monitorId, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var monitor = await db.Monitors.AsNoTracking().FirstOrDefaultAsync(m => m.Id == monitorId, cancellationToken);
            if (monitor is { Enabled: true }) await ScheduleAsync([monitor], cancellationToken);
            else await UnscheduleAsync(monitorId, cancellationToken);
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
                if (before && !after) await scheduler.DeleteJob(ProbeJobKeys.Job(id, host.Id), cancellationToken);
                if (after && !before)
                {
                    var (job, trigger) = Build(monitor, host.Id, now);
                    await scheduler.ScheduleJob(job, [trigger], ScheduleJobOptions.Replacing, cancellationToken);
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task ScheduleAsync(IReadOnlyList<MonitorDefinition> monitors, CancellationToken cancellationToken)
    {
        var scheduler = _scheduler ?? throw new InvalidOperationException("The probe scheduler has not started.");
        var now = time.GetUtcNow();
        var jobs = new Dictionary<IJobDetail, IReadOnlyCollection<ITrigger>>();
        foreach (var monitor in monitors)
        {
            var previous = catalog.Set(monitor);
            var ranHere = previous is not null && ProbeAssignment.RunsOn(previous, _host);
            if (!ProbeAssignment.RunsOn(monitor, _host))
            {
                if (ranHere) await scheduler.DeleteJob(ProbeJobKeys.Job(monitor.Id, _host.Id), cancellationToken);
                continue;
            }
            // Same interval: the trigger keeps its rhythm and the next fire reads the new snapshot from the catalog.
            if (ranHere && previous!.IntervalSeconds == monitor.IntervalSeconds) continue;
            var (job, trigger) = Build(monitor, _host.Id, now);
            jobs[job] = [trigger];
        }
        if (jobs.Count > 0) await scheduler.ScheduleJobs(jobs, ScheduleJobOptions.Replacing, cancellationToken);
    }

    private async Task UnscheduleAsync(int monitorId, CancellationToken cancellationToken)
    {
        catalog.Remove(monitorId);
        if (_scheduler is not null) await _scheduler.DeleteJob(ProbeJobKeys.Job(monitorId, _host.Id), cancellationToken);
    }

    internal static (IJobDetail Job, ITrigger Trigger) Build(MonitorDefinition monitor, int hostId, DateTimeOffset now)
    {
        var job = JobBuilder.Create<ProbeMonitorJob>()
            .WithIdentity(ProbeJobKeys.Job(monitor.Id, hostId))
            .UsingJobData(ProbeJobKeys.MonitorIdKey, monitor.Id)
            .UsingJobData(ProbeJobKeys.HostIdKey, hostId)
            .Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity(ProbeJobKeys.Trigger(monitor.Id, hostId))
            .ForJob(job)
            .StartAt(ProbeSchedule.FirstFireAt(monitor.Id, monitor.IntervalSeconds, now))
            // A fire missed by more than the misfire threshold is skipped, never made up in a burst.
            .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(monitor.IntervalSeconds)).RepeatForever()
                .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount))
            .Build();
        return (job, trigger);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Probe schedule updated: {Scheduled} monitors (re)loaded, {Removed} removed, {Total} known")]
    private static partial void LogReconciled(ILogger logger, int scheduled, int removed, int total);
}
