using Quartz;

namespace ProbeDashboard.Probing;

/// <summary>
/// Names of the Quartz job and trigger of one (monitor, host) pair. Only the server host schedules today;
/// agents will add their own pairs for the same monitor.
/// </summary>
public static class ProbeJobKeys
{
    public const string Group = "probes";
    public const string MonitorIdKey = "MonitorId";
    public const string HostIdKey = "HostId";

    public static JobKey Job(int monitorId, int hostId) => new($"monitor-{monitorId}@host-{hostId}", Group);

    public static TriggerKey Trigger(int monitorId, int hostId) => new($"monitor-{monitorId}@host-{hostId}", Group);

    /// <summary>The one-shot trigger of a probe made at once, beside the repeating <see cref="Trigger"/>.</summary>
    public static TriggerKey ProbeNowTrigger(int monitorId, int hostId) => new($"monitor-{monitorId}@host-{hostId}-now", Group);
}
