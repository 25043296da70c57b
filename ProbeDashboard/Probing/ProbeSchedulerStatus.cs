using Microsoft.Extensions.Options;
using ProbeDashboard.Core.Probing;

namespace ProbeDashboard.Probing;

/// <summary>Whether the probe scheduler should run and whether it does; /healthz reads it.</summary>
public sealed class ProbeSchedulerStatus(IOptions<ProbingOptions> options)
{
    public bool Enabled => options.Value.SchedulerEnabled;

    public bool IsRunning { get; internal set; }

    /// <summary>Healthy when the scheduler is running, or when it was switched off on purpose.</summary>
    public bool IsHealthy => !Enabled || IsRunning;
}
