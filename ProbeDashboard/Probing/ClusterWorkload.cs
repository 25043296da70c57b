using ProbeDashboard.Core.Cluster;
using ProbeDashboard.Core.Probing;

namespace ProbeDashboard.Probing;

/// <summary>The server host's scheduled rounds and started probes, for the cluster heartbeat's load figures.</summary>
public sealed class ClusterWorkload(MonitorCatalog catalog, ProbeScheduleSync sync, ProbeDispatcher dispatcher, ProbeSchedulerStatus status)
    : IClusterWorkload
{
    public IReadOnlyList<(int MonitorId, int HostId)> ScheduledRounds()
    {
        var host = sync.ServerHost;
        var rounds = new List<(int, int)>(catalog.Count);
        foreach (var id in catalog.Ids)
            if (catalog.TryGet(id, out var monitor) && ProbeAssignment.RunsOn(monitor, host)) rounds.Add((id, host.Id));
        return rounds;
    }

    public long ProbesStarted => dispatcher.Started;

    public bool IsProbing => status.IsRunning;
}
