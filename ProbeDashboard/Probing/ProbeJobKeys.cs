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

    /// <summary>The monitor id a probe job key names; null for any other job.</summary>
    public static int? MonitorIdOf(JobKey key)
    {
        if (key.Group != Group || !key.Name.StartsWith("monitor-", StringComparison.Ordinal)) return null;
        var at = key.Name.IndexOf('@');
        return int.TryParse(key.Name.AsSpan(8, at - 8), out var id) ? id : null;
    }
}
