using ProbeDashboard.Core.Monitors;

namespace ProbeDashboard.ConfigTransfer;

/// <summary>Where a monitor runs, by name: <c>all</c>, a <c>group</c>, or listed <c>hosts</c> ("@server" is this server).</summary>
public sealed record PlacementItem(string? Type, string? Group = null, List<string>? Hosts = null);

/// <summary>
/// A monitor in the document: the API's fields (seed 001), with names where the API has ids (host group,
/// hosts, notification group) and the type as a word, so the file reads well and moves between servers.
/// </summary>
public sealed record MonitorItem(
    string? Name,
    bool? Enable,
    string? Type,
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
    int? FailQuorum = null)
{
    public static string TypeName(MonitorKind kind) => kind.ToString().ToLowerInvariant();

    public static MonitorKind? ParseType(string? type) =>
        Enum.GetValues<MonitorKind>().Cast<MonitorKind?>().FirstOrDefault(k => TypeName(k!.Value) == type);

    /// <summary>The item that reproduces a stored monitor.</summary>
    public static MonitorItem Of(MonitorDefinition m, HostNames hosts, IReadOnlyDictionary<int, string> groups, IReadOnlyDictionary<int, string> notificationGroups) => new(
        m.Name, m.Enabled, TypeName(m.Kind), m.Target, m.IntervalSeconds, m.TimeoutSeconds, m.Retry,
        new PlacementItem(ExecuteOnInput.Name(m.ExecuteOn),
            m.ExecuteOnGroupId is { } g ? groups.GetValueOrDefault(g, $"#{g}") : null,
            m.ExecuteOn == ExecuteOnKind.Hosts ? hosts.NamesOf(m.ExecuteOnHostIds) : null),
        hosts.NamesOf(m.SkipHostIds), m.EnableAlert, m.FailThreshold, m.RecoverThreshold,
        m.NotificationGroupId is { } n ? notificationGroups.GetValueOrDefault(n, $"#{n}") : null,
        m.LatencyAlert, m.MaxLatencySeconds,
        m.Kind == MonitorKind.Http ? HttpOptionsInput.From(m.Http) : null,
        m.FailQuorum);
}
