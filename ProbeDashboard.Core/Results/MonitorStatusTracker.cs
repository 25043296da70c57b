using ProbeDashboard.Core.Monitors;

namespace ProbeDashboard.Core.Results;

/// <summary>
/// Decides a monitor's status across the hosts that probe it, remembering each host's latest verdict.
/// <para>
/// Policy: a monitor is <see cref="MonitorStatus.Offline"/> when the latest round failed on EVERY host that
/// reported in the last three intervals, and <see cref="MonitorStatus.Online"/> as soon as one of them succeeded.
/// One misbehaving agent therefore cannot take a monitor down; a target that is really gone fails everywhere.
/// With the server as the only host this is simply the outcome of the latest round.
/// </para>
/// <para>
/// The memory is in-process and owned by the single writer, so no locking. After a restart, and after a monitor
/// was reset to unknown (new target, resumed), it starts empty: the first round from any host decides until the
/// others report again.
/// </para>
/// </summary>
public sealed class MonitorStatusTracker
{
    private const int HostMemoryIntervals = 3;
    private readonly Dictionary<int, List<HostVerdict>> _latest = new();

    /// <summary>Notes <paramref name="result"/> as its host's latest verdict and returns the monitor's status.</summary>
    public MonitorStatus Record(ProbeResult result, int intervalSeconds)
    {
        if (!_latest.TryGetValue(result.MonitorId, out var hosts))
            _latest[result.MonitorId] = hosts = [];

        hosts.RemoveAll(h => h.HostId == result.HostId);
        hosts.Add(new HostVerdict(result.HostId, result.Success, result.Timestamp));
        var horizon = result.Timestamp.AddSeconds(-HostMemoryIntervals * (double)Math.Max(1, intervalSeconds));
        hosts.RemoveAll(h => h.At < horizon);
        return hosts.Exists(h => h.Success) ? MonitorStatus.Online : MonitorStatus.Offline;
    }

    public void Forget(int monitorId) => _latest.Remove(monitorId);

    private readonly record struct HostVerdict(int HostId, bool Success, DateTime At);
}
