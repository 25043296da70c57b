// TODO(#5): the alerts branch defines this same record in Core/Alerts/AlertBusEvents.cs; when both are on main,
// delete this file (the duplicate type makes the merge fail to compile rather than silently split the event).
namespace ProbeDashboard.Core.Alerts;

/// <summary>One host's metrics at one instant (names: cpu_usage, mem_usage, disk_usage, load, load5, load15,
/// net_in_speed, net_out_speed). Published on every heartbeat; host_monitor rules are evaluated on it.</summary>
public sealed record HostMetricsSampled(int HostId, string HostName, Guid HostUuid, DateTime Timestamp, IReadOnlyDictionary<string, double> Metrics);
