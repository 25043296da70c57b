using ProbeDashboard.Core.Probing;
using Quartz;

namespace ProbeDashboard.Probing;

/// <summary>
/// The thin shell Quartz fires for one (monitor, host): it hands the round to <see cref="ProbeDispatcher"/>
/// and returns at once, so no scheduler thread waits for a network round trip.
/// </summary>
public sealed class ProbeMonitorJob(MonitorCatalog catalog, ProbeDispatcher dispatcher) : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        var monitorId = data.GetInt(ProbeJobKeys.MonitorIdKey);
        var hostId = data.GetInt(ProbeJobKeys.HostIdKey);
        // A monitor missing from the catalog was just unscheduled; its last trigger may still fire once.
        if (catalog.TryGet(monitorId, out var monitor))
            dispatcher.Dispatch(monitor, hostId, context.ScheduledFireTimeUtc ?? context.FireTimeUtc);
        return ValueTask.CompletedTask;
    }
}
