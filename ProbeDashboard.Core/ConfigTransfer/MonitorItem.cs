using System.Text.Json.Serialization;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Push;

namespace ProbeDashboard.Core.ConfigTransfer;

/// <summary>Where a monitor runs, by name: <c>all</c>, a <c>group</c>, or listed <c>hosts</c> ("@server" is this server).</summary>
public sealed record PlacementItem(string? Type, string? Group = null, List<string>? Hosts = null);

/// <summary>
/// A monitor in the document: the API's fields (seed 001), with names where the API has ids (host group,
/// hosts, notification group) and the type written as a word, so the file reads well and moves between servers;
/// the type is read as a word or as the API's number.
/// </summary>
public sealed record MonitorItem(
    string? Name,
    bool? Enable,
    [property: JsonConverter(typeof(MonitorTypeJsonConverter))] int? Type,
    string? Target,
    int? Duration,
    int? Timeout,
    int? Retry,
    PlacementItem? ExecuteOn,
    List<string>? SkipHosts,
    bool? EnableAlert,
    int? FailThreshold,
    int? RecoverThreshold,
    string? NotificationGroup,
    bool? LatencyAlert,
    double? MaxLatency,
    HttpOptionsInput? Http,
    int? FailQuorum = null,
    PushInput? Push = null,
    string? EscalationPolicy = null,
    List<int>? TlsExpiryDays = null,
    DnsInput? Dns = null,
    int? RetryInterval = null,
    bool? UpsideDown = null,
    List<string>? DependsOn = null)
{
    /// <summary>The item that reproduces a stored monitor; a push monitor's token only with <paramref name="includeSecrets"/>.</summary>
    public static MonitorItem Of(MonitorDefinition m, HostNames hosts, IReadOnlyDictionary<int, string> groups, IReadOnlyDictionary<int, string> notificationGroups,
        IReadOnlyDictionary<int, string> policies, bool includeSecrets = false, IReadOnlyDictionary<int, string>? monitorNames = null) => new(
        m.Name, m.Enabled, (int)m.Kind, m.Target, m.IntervalSeconds, m.TimeoutSeconds, m.Retry,
        new PlacementItem(ExecuteOnInput.Name(m.ExecuteOn),
            m.ExecuteOnGroupId is { } g ? groups.GetValueOrDefault(g, $"#{g}") : null,
            m.ExecuteOn == ExecuteOnKind.Hosts ? hosts.NamesOf(m.ExecuteOnHostIds) : null),
        hosts.NamesOf(m.SkipHostIds), m.EnableAlert, m.FailThreshold, m.RecoverThreshold,
        m.NotificationGroupId is { } n ? notificationGroups.GetValueOrDefault(n, $"#{n}") : null,
        m.LatencyAlert, m.MaxLatencySeconds,
        m.Kind == MonitorKind.Http ? HttpOptionsInput.From(m.Http) : null,
        m.FailQuorum,
        m.Kind == MonitorKind.Push ? PushInput.From(m.Push) with { Token = includeSecrets ? m.PushToken : null } : null,
        m.EscalationPolicyId is { } p ? policies.GetValueOrDefault(p, $"#{p}") : null,
        m.ChecksCertificate ? [.. m.TlsExpiryDays] : null,
        m.Kind == MonitorKind.Dns ? DnsInput.From(m.Dns) : null,
        m.RetryIntervalSeconds,
        m.UpsideDown ? true : null,
        m.DependsOn.Count == 0 || monitorNames is null ? null : [.. m.DependsOn.Select(id => monitorNames.GetValueOrDefault(id, $"#{id}"))]);
}
