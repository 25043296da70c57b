using ProbeDashboard.Core.Cluster;
using ProbeDashboard.Core.Probing;
using Quartz;

namespace ProbeDashboard.Probing;

/// <summary>
/// The thin shell Quartz fires for one (monitor, host): it hands the round to <see cref="ProbeDispatcher"/>
/// and returns at once, so no scheduler thread waits for a network round trip. In a cluster every node fires every
/// round and only the round's owner at its scheduled instant runs it (<see cref="ClusterMembership.Owns"/>).
/// </summary>
public sealed class ProbeMonitorJob(MonitorCatalog catalog, ProbeDispatcher dispatcher, ClusterMembership cluster) : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (!ProbeJobKeys.TryParse(context.Trigger.Key, out var monitorId, out var hostId)) return ValueTask.CompletedTask;
        // A monitor missing from the catalog was just unscheduled; its last trigger may still fire once.
        var scheduledAt = context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        if (catalog.TryGet(monitorId, out var monitor) && cluster.Owns(monitorId, hostId, scheduledAt))
            dispatcher.Dispatch(monitor, hostId, scheduledAt);
        return ValueTask.CompletedTask;
    }
}
