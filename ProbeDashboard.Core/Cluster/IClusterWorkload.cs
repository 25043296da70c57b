namespace ProbeDashboard.Core.Cluster;

/// <summary>What this process's probe scheduler has on its schedule and has started (the host provides it).</summary>
public interface IClusterWorkload
{
    /// <summary>The (monitor, host) rounds on this process's schedule, owned or not.</summary>
    IReadOnlyList<(int MonitorId, int HostId)> ScheduledRounds();

    /// <summary>Probe rounds started since the process started.</summary>
    long ProbesStarted { get; }

    /// <summary>
    /// The probe scheduler is running, so rounds this node claims will be fired. A node joining others claims none
    /// before: building a large schedule takes longer than the join delay, and rounds it owned meanwhile would be lost.
    /// </summary>
    bool IsProbing { get; }
}

/// <summary>A process without a probe scheduler (tests, tools) has nothing scheduled.</summary>
internal sealed class NoClusterWorkload : IClusterWorkload
{
    public IReadOnlyList<(int MonitorId, int HostId)> ScheduledRounds() => [];

    public long ProbesStarted => 0;

    /// <summary>Nothing to wait for: such a process claims its share as soon as it joins.</summary>
    public bool IsProbing => true;
}
