using ProbeDashboard.Core.Probing;
using Quartz;

namespace ProbeDashboard.Probing;

public static class ProbingSetup
{
    /// <summary>How early a round may fire so that it shares the scheduler's wake-up with the rounds due just after it.</summary>
    private static readonly TimeSpan FireAheadWindow = TimeSpan.FromMilliseconds(5);

    /// <summary>The most triggers fired per wake-up; above the ~6 that the window holds at 1,000 rounds a second.</summary>
    private const int MaxBatchSize = 32;

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
                // Monitors' phases are spread over their intervals, so at 1,000 rounds a second the triggers are a
                // millisecond apart. A batch that held only the triggers already due meant one batch per round: the
                // scheduler thread re-armed its wait and the runtime's timer thread woke for nearly every round, and that
                // was a quarter of the CPU. A batch now takes every trigger due within the next few milliseconds and
                // fires them together, each up to that much early. ProbeMonitorJob passes the scheduled instant on, so
                // cluster ownership and lateness still go by the slot, and a few ms never move a result to another round.
                scheduler.MaxBatchSize = MaxBatchSize;
                scheduler.BatchTriggerAcquisitionFireAheadTimeWindow = FireAheadWindow;
            });
            // A fire later than this is a misfire, handled by each trigger's policy: skip, never burst.
            quartz.UseInMemoryStore(store => store.MisfireThreshold = TimeSpan.FromSeconds(5));
            // Jobs only hand probes to the dispatcher, so these are not threads but a bound on jobs in flight; Quartz
            // never takes a batch larger than the jobs it may start at once.
            quartz.UseDefaultThreadPool(maxConcurrency: MaxBatchSize);
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
