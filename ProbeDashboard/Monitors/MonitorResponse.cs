using System.Text.Json.Serialization;
using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Availability;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Push;

namespace ProbeDashboard.Monitors;

/// <summary>
/// A monitor as §1.1/§1.3/§1.4 return it; <c>statistics</c> only in the detail view, <c>http</c> only for HTTP.
/// <c>consecutive_failures</c> counts failed rounds in a row, the number <c>fail_threshold</c> is compared with.
/// <c>alert_reaches</c> (detail view only) lists the groups and channels the monitor's own alerts would notify; [] means nobody.
/// A push monitor (type 5) carries <c>push</c> (its schedule), <c>push_url</c> (the path its jobs ping, holding the
/// secret token: shown only to callers who may edit monitors) and <c>push_deadline</c> (when a missing ping counts as
/// a failure; null while paused).
/// </summary>
public sealed record MonitorResponse(
    int Id,
    string Name,
    bool Enable,
    int Type,
    string Target,
    int Duration,
    int Timeout,
    int Retry,
    ExecuteOnWire ExecuteOn,
    IReadOnlyList<int> SkipHosts,
    bool EnableAlert,
    int FailThreshold,
    int? NotificationId,
    bool LatencyAlert,
    double? MaxLatency,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] HttpOptionsWire? Http,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] StatisticsResponse? Statistics,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    int RecoverThreshold,
    int? FailQuorum,
    int ConsecutiveFailures,
    int? EscalationPolicyId)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<AlertReach>? AlertReaches { get; init; }

    /// <summary>Seconds between rounds after a failed one, until a round passes or fail_threshold is reached; equals duration when not set.</summary>
    public int RetryInterval { get; init; }

    /// <summary>Success and failure swap: the monitor is up while its probe fails (a port that must stay closed).</summary>
    public bool UpsideDown { get; init; }

    /// <summary>Ids of the monitors this one depends on: while one is offline its alert events are suppressed and notify nobody.</summary>
    public IReadOnlyList<int> DependsOn { get; init; } = [];

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PushWire? Push { get; init; }

    /// <summary>The query of a DNS monitor (type 4).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DnsWire? Dns { get; init; }

    /// <summary>Days before certificate expiry that raise an alert (https HTTP and TLS monitors only); [] is off.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<int>? TlsExpiryDays { get; init; }

    /// <summary>Detail view of an https HTTP or TLS monitor: the certificate its latest probe saw; absent before any.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CertificateWire? Certificate { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? PushUrl { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTime? PushDeadline { get; init; }

    /// <summary>Adds a push monitor's schedule, deadline and (for <paramref name="showPushUrl"/>) its ping URL.</summary>
    public MonitorResponse WithPush(MonitorDefinition m, bool showPushUrl) => m.Kind != MonitorKind.Push ? this : this with
    {
        Push = PushWire.From(m.Push),
        PushUrl = showPushUrl && m.PushToken is { } token ? PushTokens.UrlPath(token) : null,
        PushDeadline = m.PushDeadline,
    };

    public static MonitorResponse From(MonitorDefinition m, string? groupName = null, MonitorStatistics? statistics = null) => new(
        m.Id, m.Name, m.Enabled, (int)m.Kind, m.Target, m.IntervalSeconds, m.TimeoutSeconds, m.Retry,
        ExecuteOnWire.From(m, groupName), m.SkipHostIds, m.EnableAlert, m.FailThreshold, m.NotificationGroupId,
        m.LatencyAlert, m.MaxLatencySeconds,
        m.Kind == MonitorKind.Http ? HttpOptionsWire.From(m.Http) : null,
        statistics is null ? null : StatisticsResponse.From(statistics),
        m.CreatedAt, m.UpdatedAt, m.RecoverThreshold, m.FailQuorum, m.Current.ConsecutiveFailures, m.EscalationPolicyId)
    {
        TlsExpiryDays = m.ChecksCertificate ? m.TlsExpiryDays : null,
        RetryInterval = m.RetryIntervalSeconds ?? m.IntervalSeconds,
        UpsideDown = m.UpsideDown,
        DependsOn = m.DependsOn,
        Dns = m.Kind == MonitorKind.Dns ? DnsWire.From(m.Dns) : null,
    };
}

/// <summary>§1.3 statistics: percentages 0–100 and latencies in seconds; null where a window has no samples.</summary>
public sealed record StatisticsResponse(
    [property: JsonPropertyName("availability_1h")] double? Availability1h,
    [property: JsonPropertyName("availability_24h")] double? Availability24h,
    [property: JsonPropertyName("availability_7d")] double? Availability7d,
    [property: JsonPropertyName("avg_latency_1h")] double? AvgLatency1h,
    [property: JsonPropertyName("avg_latency_24h")] double? AvgLatency24h,
    [property: JsonPropertyName("avg_latency_7d")] double? AvgLatency7d,
    [property: JsonPropertyName("total_probes_24h")] int TotalProbes24h,
    [property: JsonPropertyName("success_probes_24h")] int SuccessProbes24h,
    [property: JsonPropertyName("fail_probes_24h")] int FailProbes24h)
{
    public static StatisticsResponse From(MonitorStatistics s) => new(
        WireNumbers.Percent(s.LastHour.AvailabilityPercent),
        WireNumbers.Percent(s.LastDay.AvailabilityPercent),
        WireNumbers.Percent(s.LastWeek.AvailabilityPercent),
        WireNumbers.Seconds(s.LastHour.AverageLatencyMs),
        WireNumbers.Seconds(s.LastDay.AverageLatencyMs),
        WireNumbers.Seconds(s.LastWeek.AverageLatencyMs),
        s.LastDay.Total, s.LastDay.Successes, s.LastDay.Failures);
}

/// <summary>How numbers go on the wire: latency in seconds to the millisecond, percentages to two decimals.</summary>
public static class WireNumbers
{
    public static double? Seconds(double? milliseconds) => milliseconds is null ? null : Math.Round(milliseconds.Value / 1000, 3);

    public static double Seconds(double milliseconds) => Math.Round(milliseconds / 1000, 3);

    public static double? Percent(double? percent) => percent is null ? null : Math.Round(percent.Value, 2);
}
