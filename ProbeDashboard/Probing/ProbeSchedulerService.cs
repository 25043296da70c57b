using System.Collections.Specialized;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ProbeDashboard.Core.Probing;
using ProbeDashboard.Core.Storage;
using Quartz;
using Quartz.Impl;

namespace ProbeDashboard.Probing;

/// <summary>
/// Starts Quartz (core package, in-memory store), builds the probe schedule from the database, and adds the
/// housekeeping jobs: the periodic reconcile and retention. Stops it again, letting running probes finish briefly.
/// </summary>
public sealed partial class ProbeSchedulerService(
    ServiceProviderJobFactory jobFactory,
    ProbeScheduleSync sync,
    ProbeDispatcher dispatcher,
    ProbeSchedulerStatus status,
    IDbContextFactory<ProbeDbContext> dbFactory,
    IOptions<ProbingOptions> options,
    TimeProvider time,
    ILogger<ProbeSchedulerService> logger) : IHostedService
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
        var factory = new StdSchedulerFactory(new NameValueCollection
        {
            // Unique per host: Quartz keeps schedulers in a process-wide registry by name (tests run several hosts).
            ["quartz.scheduler.instanceName"] = "probes-" + Guid.NewGuid().ToString("N"),
            // Jobs only hand probes to the dispatcher, so a handful of scheduler threads is plenty.
            ["quartz.threadPool.maxConcurrency"] = "8",
            ["quartz.jobStore.misfireThreshold"] = "5000",
            ["quartz.scheduler.batchTriggerAcquisitionMaxCount"] = "8",
        });
        _scheduler = await factory.GetScheduler(cancellationToken);
        _scheduler.JobFactory = jobFactory;

        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            sync.Attach(_scheduler, await db.Hosts.AsNoTracking().SingleAsync(h => h.IsServer, cancellationToken));
        await sync.ReconcileAsync(cancellationToken);
        await ScheduleHousekeepingAsync(_scheduler, cancellationToken);

        await _scheduler.Start(cancellationToken);
        status.IsRunning = true;
        LogStarted(logger);
    }

    private async Task ScheduleHousekeepingAsync(IScheduler scheduler, CancellationToken cancellationToken)
    {
        await scheduler.ScheduleJob(
            JobBuilder.Create<ScheduleReconcileJob>().WithIdentity("reconcile", "housekeeping").Build(),
            TriggerBuilder.Create().WithIdentity("reconcile", "housekeeping")
                .StartAt(time.GetUtcNow().AddSeconds(options.Value.ReconcileSeconds))
                .WithSimpleSchedule(s => s.WithIntervalInSeconds(options.Value.ReconcileSeconds).RepeatForever()
                    .WithMisfireHandlingInstructionNextWithRemainingCount())
                .Build(),
            cancellationToken);
        await scheduler.ScheduleJob(
            JobBuilder.Create<RetentionJob>().WithIdentity("retention", "housekeeping").Build(),
            TriggerBuilder.Create().WithIdentity("retention", "housekeeping")
                .StartAt(time.GetUtcNow().AddMinutes(1))
                .WithSimpleSchedule(s => s.WithIntervalInHours(1).RepeatForever().WithMisfireHandlingInstructionNextWithRemainingCount())
                .Build(),
            cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        status.IsRunning = false;
        if (_scheduler is not null) await _scheduler.Shutdown(waitForJobsToComplete: true, cancellationToken);
        await dispatcher.StopAsync(StopGrace);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Probe scheduler is switched off (Probing:SchedulerEnabled)")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Probe scheduler started")]
    private static partial void LogStarted(ILogger logger);
}
