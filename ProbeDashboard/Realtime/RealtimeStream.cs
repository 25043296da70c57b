using ProbeDashboard.Core.Auth;

namespace ProbeDashboard.Realtime;

/// <summary>The three live feeds of seed 001 §5.</summary>
public enum RealtimeStream
{
    HostMonitor = 0,
    ServiceProbe = 1,
    AlertEvents = 2,
}

/// <summary>What differs between the streams on the wire: where they live, what they filter on, who may read them.</summary>
public sealed record RealtimeStreamInfo(
    RealtimeStream Stream,
    string Path,
    string TopicField,
    RealtimeTopicKind TopicKind,
    string Permission)
{
    public static readonly RealtimeStreamInfo HostMonitor = new(
        RealtimeStream.HostMonitor, "/api/v1/ws/host-monitor", "host_ids", RealtimeTopicKind.Ids,
        // Host metrics are shown to everyone who may watch probes (the hosts page is a viewer page); admins hold
        // every permission, so they are included.
        Permissions.ServiceMonitorsRead);

    public static readonly RealtimeStreamInfo ServiceProbe = new(
        RealtimeStream.ServiceProbe, "/api/v1/ws/service-probe", "service_ids", RealtimeTopicKind.Ids,
        Permissions.ServiceMonitorsRead);

    public static readonly RealtimeStreamInfo AlertEvents = new(
        RealtimeStream.AlertEvents, "/api/v1/ws/alert-events", "levels", RealtimeTopicKind.Levels,
        Permissions.AlertEventsRead);

    public static readonly IReadOnlyList<RealtimeStreamInfo> All = [HostMonitor, ServiceProbe, AlertEvents];
}

public enum RealtimeTopicKind
{
    /// <summary>Positive integer ids (hosts, service monitors).</summary>
    Ids,
    /// <summary>Alert level names: info, warning, critical.</summary>
    Levels,
}
