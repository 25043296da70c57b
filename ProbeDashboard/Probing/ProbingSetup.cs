using ProbeDashboard.Core.Probing;
using Quartz;

namespace ProbeDashboard.Probing;

public static class ProbingSetup
{
    /// <summary>
    /// The probe pipeline (probes, runner, result writer) and the Quartz scheduler that drives it; with
    /// <c>Probing:SchedulerEnabled</c> false the scheduler runs empty.
    /// </summary>
    public static IHostApplicationBuilder AddProbing(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddProbePipeline(builder.Configuration);

        // Everything is registered either way; the hosted services read Probing:SchedulerEnabled when they start,
        // so a setting that arrives late (test hosts add configuration at Build) is still honoured.
        services.AddSingleton<ProbeSchedulerStatus>();
        services.AddSingleton<MonitorCatalog>();
        services.AddSingleton<ProbeScheduleSync>();
        services.AddSingleton<Core.Cluster.IClusterWorkload, ClusterWorkload>();
        // Jobs are stateless: Quartz's DI job factory resolves these singletons, so nothing is built per fire.
        services.AddSingleton<ProbeMonitorJob>();
        services.AddSingleton<ScheduleReconcileJob>();
        services.AddSingleton<RetentionJob>();
        services.AddQuartz(quartz =>
        {
            // Unique per host: Quartz keeps schedulers in a process-wide registry by name (tests run several hosts).
            quartz.ConfigureScheduler(scheduler =>
            {
                scheduler.InstanceName = "probes-" + Guid.NewGuid().ToString("N");
                scheduler.MaxBatchSize = 8;
            });
            // A fire later than this is a misfire, handled by each trigger's policy: skip, never burst.
            quartz.UseInMemoryStore(store => store.MisfireThreshold = TimeSpan.FromSeconds(5));
            // Jobs only hand probes to the dispatcher, so a handful of scheduler threads is plenty.
            quartz.UseDefaultThreadPool(maxConcurrency: 8);
        });
        // Before Quartz's hosted service: it must fill the schedule before Quartz starts, and stop after it.
        services.AddHostedService<ProbeSchedulerService>();
        services.AddQuartzHostedService(quartz =>
        {
            // Start with the host rather than after it: the schedule is complete by then, and /healthz can say so.
            quartz.AwaitApplicationStarted = false;
            quartz.WaitForJobsToComplete = true;
        });
        services.AddHostedService<MonitorChangeListener>();
        services.AddHostedService<HostChangeListener>();
        services.AddHostedService<FlapRhythmListener>();
        return builder;
    }
}
