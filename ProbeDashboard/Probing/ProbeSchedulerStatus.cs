using Microsoft.Extensions.Options;
using ProbeDashboard.Core.Probing;
using Quartz;

namespace ProbeDashboard.Probing;

/// <summary>Whether the probe scheduler should run and whether it does; /healthz reads it.</summary>
public sealed class ProbeSchedulerStatus(IOptions<ProbingOptions> options)
{
    private IScheduler? _scheduler;

    public bool Enabled => options.Value.SchedulerEnabled;

    /// <summary>True while the scheduler that holds the probe schedule is running (read live from Quartz).</summary>
    public bool IsRunning => _scheduler?.Status == SchedulerStatus.Running;

    /// <summary>Healthy when the scheduler is running, or when it was switched off on purpose.</summary>
    public bool IsHealthy => !Enabled || IsRunning;

    internal void Attach(IScheduler scheduler) => _scheduler = scheduler;
}
