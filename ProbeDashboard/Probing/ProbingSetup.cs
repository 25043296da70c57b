using ProbeDashboard.Core.Probing;

namespace ProbeDashboard.Probing;

public static class ProbingSetup
{
    /// <summary>
    /// The probe pipeline (probes, runner, result writer) and, unless <c>Probing:SchedulerEnabled</c> is false,
    /// the Quartz scheduler that drives it.
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
        services.AddSingleton<ServiceProviderJobFactory>();
        services.AddSingleton<ProbeMonitorJob>();
        services.AddSingleton<ScheduleReconcileJob>();
        services.AddSingleton<RetentionJob>();
        services.AddHostedService<ProbeSchedulerService>();
        services.AddHostedService<MonitorChangeListener>();
        services.AddHostedService<HostChangeListener>();
        return builder;
    }
}
