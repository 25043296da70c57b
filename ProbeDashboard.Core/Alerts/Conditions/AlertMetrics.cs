namespace ProbeDashboard.Core.Alerts.Conditions;

/// <summary>The metrics a condition may name, per rule type.</summary>
public static class AlertMetrics
{
    /// <summary>
    /// Host metrics as agents report them: usages in percent, load averages, network speeds in bytes/s; and
    /// <c>online</c>, 0 once a host has missed three heartbeats and 1 when it is heard from again.
    /// </summary>
    public static readonly IReadOnlySet<string> Host = new HashSet<string>(StringComparer.Ordinal)
    {
        "cpu_usage", "mem_usage", "disk_usage", "load", "load5", "load15", "net_in_speed", "net_out_speed", OnlineMetric,
    };

    public const string OnlineMetric = "online";

    /// <summary>
    /// Service metrics of one probe round: latency in seconds (absent when nothing answered), success 1/0,
    /// HTTP status_code (absent for TCP/ICMP), consecutive_failures, availability_1h in percent, and
    /// cert_days_left (whole days until the presented TLS certificate expires; absent when none was seen).
    /// </summary>
    public static readonly IReadOnlySet<string> Service = new HashSet<string>(StringComparer.Ordinal)
    {
        "latency", "success", "status_code", "consecutive_failures", Availability1h, CertificateDaysLeft,
    };

    public const string CertificateDaysLeft = "cert_days_left";

    public const string Availability1h = "availability_1h";

    public static IReadOnlySet<string> For(AlertRuleType type) => type == AlertRuleType.HostMonitor ? Host : Service;
}
