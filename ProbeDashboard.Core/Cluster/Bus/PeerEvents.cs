using System.Text.Json.Serialization;
using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Events;
using ProbeDashboard.Core.Hosts;
using ProbeDashboard.Core.Hosts.Dependencies;
using ProbeDashboard.Core.Maintenance;

namespace ProbeDashboard.Core.Cluster.Bus;

/// <summary>
/// The event types that cross to the other cluster nodes, and their wire form. Only types listed here cross: a new
/// event type stays on its node until someone decides its peers need it.
/// <list type="bullet">
/// <item>Live views (seed 001 WebSocket streams, the SignalR hub, Blazor pages): committed probe results, monitor and
/// host status, host metrics, alert event changes.</item>
/// <item>In-memory copies on the other nodes: monitor, host, host-group and maintenance-window changes, so their schedule
/// and caches follow an edit at once instead of at the next periodic reconcile.</item>
/// </list>
/// Peers receive them through <see cref="EventBus.PublishFromPeer"/>, i.e. only subscribers that ask for peer events;
/// the alert engine and mailers keep acting on their own node's work only (the iplive round tracker follows peers' results
/// so that the one node that owns a group sees its whole rounds).
/// </summary>
public static class PeerEvents
{
    public static bool Crosses(object evt) => evt is ProbeResultsCommitted or MonitorStatusChanged or MonitorConfigurationChanged
        or HostMetricsSampled or HostStatusChanged or HostConfigurationChanged or HostGroupDependenciesChanged or AlertEventChanged or MaintenanceWindowsChanged;

    /// <summary>The wire entry of a type that <see cref="Crosses"/>.</summary>
    public static PeerEvent Wrap(object evt) => evt switch
    {
        ProbeResultsCommitted e => new PeerEvent { Results = e },
        MonitorStatusChanged e => new PeerEvent { MonitorStatus = e },
        MonitorConfigurationChanged e => new PeerEvent { MonitorConfiguration = e },
        HostMetricsSampled e => new PeerEvent { HostMetrics = e },
        HostStatusChanged e => new PeerEvent { HostStatus = e },
        HostConfigurationChanged e => new PeerEvent { HostConfiguration = e },
        HostGroupDependenciesChanged e => new PeerEvent { HostGroupDependencies = e },
        AlertEventChanged e => new PeerEvent { Alert = e },
        MaintenanceWindowsChanged e => new PeerEvent { Maintenance = e },
        _ => throw new ArgumentException($"{evt.GetType().Name} does not cross to other nodes", nameof(evt)),
    };

    /// <returns>The event an entry carries; null for an entry from a newer node that this one does not know.</returns>
    public static object? Unwrap(PeerEvent entry) =>
        (object?)entry.Results ?? (object?)entry.MonitorStatus ?? (object?)entry.MonitorConfiguration ?? (object?)entry.HostMetrics
        ?? (object?)entry.HostStatus ?? (object?)entry.HostConfiguration ?? (object?)entry.HostGroupDependencies ?? (object?)entry.Alert
        ?? entry.Maintenance;
}

/// <summary>One event on the wire: exactly one property is set (short names: every probe result pays for them).</summary>
public sealed class PeerEvent
{
    [JsonPropertyName("r")] public ProbeResultsCommitted? Results { get; init; }
    [JsonPropertyName("ms")] public MonitorStatusChanged? MonitorStatus { get; init; }
    [JsonPropertyName("mc")] public MonitorConfigurationChanged? MonitorConfiguration { get; init; }
    [JsonPropertyName("hm")] public HostMetricsSampled? HostMetrics { get; init; }
    [JsonPropertyName("hs")] public HostStatusChanged? HostStatus { get; init; }
    [JsonPropertyName("hc")] public HostConfigurationChanged? HostConfiguration { get; init; }
    [JsonPropertyName("hg")] public HostGroupDependenciesChanged? HostGroupDependencies { get; init; }
    [JsonPropertyName("a")] public AlertEventChanged? Alert { get; init; }
    [JsonPropertyName("mw")] public MaintenanceWindowsChanged? Maintenance { get; init; }
}

/// <summary>One Redis message: the events a node committed since its last message, in publish order.</summary>
/// <param name="Node">The sending node's <see cref="ClusterMembership.SelfId"/>: a node skips its own messages.</param>
public sealed record PeerBatch(Guid Node, IReadOnlyList<PeerEvent> Events);

/// <summary>Source-generated (no reflection per message); nulls omitted, so an entry carries one event.</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    UseStringEnumConverter = false)]
[JsonSerializable(typeof(PeerBatch))]
public sealed partial class PeerJson : JsonSerializerContext;
