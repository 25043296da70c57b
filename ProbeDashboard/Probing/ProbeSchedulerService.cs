using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ProbeDashboard.Core.Probing;
using ProbeDashboard.Core.Storage;
using Quartz;

namespace ProbeDashboard.Probing;

/// <summary>
/// Fills the Quartz scheduler (started and stopped by Quartz's own hosted service) with the probe schedule from
/// the database and the housekeeping jobs: the periodic reconcile and retention. It is registered before Quartz's
/// hosted service, so the schedule is complete before the first fire, and on shutdown Quartz stops first and the
/// dispatcher then lets running probes finish briefly.
/// </summary>
public sealed partial class ProbeSchedulerService(
    ISchedulerFactory schedulerFactory,
    ProbeScheduleSync sync,
    ProbeDispatcher dispatcher,
    ProbeSchedulerStatus status,
    IDbContextFactory<ProbeDbContext> dbFactory,
    IOptions<ProbingOptions> options,
    TimeProvider time,
    ILogger<ProbeSchedulerService> logger) : IHostedLifecycleService
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);
    private IScheduler? _scheduler;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!status.Enabled)
        {
            LogDisabled(logger);
            return;
        }
        _scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            sync.Attach(_scheduler, await db.Hosts.AsNoTracking().SingleAsync(h => h.IsServer, cancellationToken));
        await sync.ReconcileAsync(cancellationToken);
        await ScheduleHousekeepingAsync(_scheduler, cancellationToken);
        status.Attach(_scheduler);
    }

    /// <summary>Runs after every hosted service has started, Quartz's included.</summary>
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        if (status.IsRunning) LogStarted(logger);
        return Task.CompletedTask;
    }

    private async Task ScheduleHousekeepingAsync(IScheduler scheduler, CancellationToken cancellationToken)
    {
        var reconcileEvery = TimeSpan.FromSeconds(options.Value.ReconcileSeconds);
        await scheduler.ScheduleJob(
            JobBuilder.Create<ScheduleReconcileJob>().WithIdentity("reconcile", "housekeeping").Build(),
            TriggerBuilder.Create().WithIdentity("reconcile", "housekeeping")
                .StartAt(time.GetUtcNow().Add(reconcileEvery))
                .WithSimpleSchedule(s => s.WithInterval(reconcileEvery).RepeatForever()
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount))
                .Build(),
            ScheduleJobOptions.Replacing,
            cancellationToken);
        await scheduler.ScheduleJob(
            JobBuilder.Create<RetentionJob>().WithIdentity("retention", "housekeeping").Build(),
            TriggerBuilder.Create().WithIdentity("retention", "housekeeping")
                .StartAt(time.GetUtcNow().AddMinutes(1))
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromHours(1)).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount))
                .Build(),
            ScheduleJobOptions.Replacing,
            cancellationToken);
    }

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Quartz's hosted service has shut the scheduler down by now (it stops before this one).</summary>
    public Task StopAsync(CancellationToken cancellationToken) => dispatcher.StopAsync(StopGrace);

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Probe scheduler is switched off (Probing:SchedulerEnabled)")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Probe scheduler started")]
    private static partial void LogStarted(ILogger logger);
}
