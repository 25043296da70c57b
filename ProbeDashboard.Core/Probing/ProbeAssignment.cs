using ProbeDashboard.Core.Hosts;
using ProbeDashboard.Core.Monitors;

namespace ProbeDashboard.Core.Probing;

/// <summary>Which hosts run a monitor, from its <c>execute_on</c> and <c>skip_hosts</c> settings (seed 001 §1.1).</summary>
public static class ProbeAssignment
{
    /// <summary>False for push monitors on every host: they are judged by the pings they receive, nothing probes them.</summary>
    public static bool RunsOn(MonitorDefinition monitor, ProbeHost host)
    {
        if (monitor.Kind == MonitorKind.Push) return false;
        if (monitor.SkipHostIds.Contains(host.Id)) return false;
        return monitor.ExecuteOn switch
        {
            ExecuteOnKind.Group => host.GroupId is not null && host.GroupId == monitor.ExecuteOnGroupId,
            ExecuteOnKind.Hosts => monitor.ExecuteOnHostIds.Contains(host.Id),
            _ => true,
        };
    }
}
