using ProbeDashboard.Core.Events;

namespace ProbeDashboard.Realtime;

/// <summary>Which monitors a bus event is about, so components refresh only for what they show.</summary>
public static class LiveEvents
{
    public static bool Concerns(object evt, int monitorId) => evt switch
    {
        ProbeResultsCommitted committed => committed.Results.Any(r => r.MonitorId == monitorId),
        MonitorStatusChanged status => status.MonitorId == monitorId,
        MonitorConfigurationChanged config => config.MonitorId == monitorId,
        _ => false,
    };

    public static bool ConcernsAny(object evt, IReadOnlySet<int> monitorIds) => evt switch
    {
        ProbeResultsCommitted committed => committed.Results.Any(r => monitorIds.Contains(r.MonitorId)),
        MonitorStatusChanged status => monitorIds.Contains(status.MonitorId),
        // A new or deleted monitor can change any page of a list.
        MonitorConfigurationChanged => true,
        _ => false,
    };

    /// <summary>Events about monitors at all (as opposed to alerts or agents).</summary>
    public static bool IsMonitorEvent(object evt) =>
        evt is ProbeResultsCommitted or MonitorStatusChanged or MonitorConfigurationChanged;
}
