using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Events;
using ProbeDashboard.Core.Hosts;
using ProbeDashboard.Core.Hosts.Dependencies;
using ProbeDashboard.Core.Maintenance;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Results;

namespace ProbeDashboard.Tests.Cluster;

/// <summary>One filled-in example of every event type that crosses to other nodes, for the bridge's tests.</summary>
internal static class PeerEventSamples
{
    public static readonly DateTime At = new(2026, 12, 6, 14, 0, 0, 123, 456, DateTimeKind.Utc);

    public static AlertEventChanged Alert(AlertEventChange change = AlertEventChange.Acknowledged, long id = 41) =>
        new(change, new AlertEventSummary(id, 7, "latency high", AlertTargetType.Service, 3, "api 监控", AlertLevel.Critical,
            AlertEventStatus.Firing, "Latency above 2 s", "p95 2.4 s", At.AddMinutes(-3), At.AddMinutes(-2), null, null, Acknowledged: true));

    public static IReadOnlyList<object> All() =>
    [
        new ProbeResultsCommitted(
            [
                new ProbeResult { Id = 9001, MonitorId = 3, HostId = 1, Timestamp = At, Success = true, LatencyMs = 12.5, StatusCode = 200 },
                new ProbeResult
                {
                    Id = 9002, MonitorId = 4, HostId = 2, Timestamp = At, Success = false, ErrorMessage = "connection refused",
                    CertificateExpiresAt = At.AddDays(30), CertificateSubject = "CN=example", CertificateIssuer = "CN=ca",
                },
            ],
            [new ProbeRound(3, At, false, 0, 1, 0, 12.5, 200), new ProbeRound(4, At, true, 2, 1, 1, null, 0, At.AddDays(30))]),
        new MonitorStatusChanged(4, MonitorStatus.Offline, At),
        new MonitorConfigurationChanged(5, Deleted: true),
        new HostMetricsSampled(2, "edge-1", Guid.Parse("9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d"), At,
            new Dictionary<string, double> { ["cpu_usage"] = 93.5, ["mem_usage"] = 40 }),
        new HostStatusChanged(2, "edge-1", Guid.Parse("9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d"), false, At),
        new HostConfigurationChanged(2, Deleted: false),
        new HostGroupDependenciesChanged(6),
        Alert(),
        MaintenanceWindowsChanged.Instance,
    ];
}
