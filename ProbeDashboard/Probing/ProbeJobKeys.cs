using System.Globalization;
using Quartz;

namespace ProbeDashboard.Probing;

/// <summary>
/// The one durable probe job and the names of its triggers, one per (monitor, host). The trigger's name carries the
/// pair, so no job, and no data map, is kept per monitor: at 100,000 monitors those were half of Quartz's heap. Only
/// the server host schedules today; agents will add their own pairs for the same monitor.
/// </summary>
public static class ProbeJobKeys
{
    public const string Group = "probes";
    private const string MonitorPrefix = "monitor-";
    private const string HostSeparator = "@host-";

    /// <summary>The job every probe trigger fires (<see cref="ProbeMonitorJob"/>).</summary>
    public static readonly JobKey Job = new("probe", Group);

    public static TriggerKey Trigger(int monitorId, int hostId) => new($"{MonitorPrefix}{monitorId}{HostSeparator}{hostId}", Group);

    /// <summary>The (monitor, host) of a probe trigger's key, <c>monitor-{id}@host-{host}</c>; false for any other key.</summary>
    public static bool TryParse(TriggerKey key, out int monitorId, out int hostId)
    {
        (monitorId, hostId) = (0, 0);
        var name = key.Name.AsSpan();
        if (key.Group != Group || !name.StartsWith(MonitorPrefix, StringComparison.Ordinal)) return false;
        var separator = name.IndexOf(HostSeparator, StringComparison.Ordinal);
        return separator > MonitorPrefix.Length
            && int.TryParse(name[MonitorPrefix.Length..separator], NumberStyles.None, CultureInfo.InvariantCulture, out monitorId)
            && int.TryParse(name[(separator + HostSeparator.Length)..], NumberStyles.None, CultureInfo.InvariantCulture, out hostId);
    }
}
