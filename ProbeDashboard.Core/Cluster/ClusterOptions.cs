using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Cluster;

/// <summary>
/// Section <c>Cluster</c>. Clustering is on exactly when the data is in PostgreSQL and <see cref="Redis"/> is set: the
/// two things every node of a cluster must share. No separate switch, so there is no half-configured state to explain
/// (a switch set without a shared database would mean several nodes probing everything; see <see cref="Validate"/>).
/// </summary>
public sealed class ClusterOptions
{
    public const string Section = "Cluster";

    /// <summary>A StackExchange.Redis configuration string, e.g. <c>127.0.0.1:6379</c>.</summary>
    public string? Redis { get; set; }

    /// <summary>A node whose heartbeat is older than this is dead; the others take its share of the probing.</summary>
    public int FailoverSeconds { get; set; } = 30;

    /// <summary>How often a node writes its heartbeat; by default a sixth of <see cref="FailoverSeconds"/> (at most 5 s).</summary>
    public double? HeartbeatSeconds { get; set; }

    /// <summary>The node's name on the Cluster card and in /metrics' node label; the machine name by default.</summary>
    public string? NodeName { get; set; }

    /// <summary>The address shown for this node; by default the first address the server listens on.</summary>
    public string? Address { get; set; }

    /// <summary>
    /// Prefix of this deployment's Redis channels (the event bus and the SignalR backplane): the same on every node of
    /// one cluster, different for clusters that share a Redis server.
    /// </summary>
    public string ChannelPrefix { get; set; } = "probedashboard";

    public TimeSpan Failover => TimeSpan.FromSeconds(FailoverSeconds);

    public TimeSpan Heartbeat => TimeSpan.FromSeconds(HeartbeatSeconds ?? Math.Clamp(FailoverSeconds / 6.0, 0.5, 5));

    /// <summary>
    /// A new node starts owning rounds this long after its first heartbeat: every other node has read its row by
    /// then (each reads the table once per heartbeat), so all switch at the same instant, without doubled or lost rounds.
    /// </summary>
    public TimeSpan JoinDelay => Heartbeat * 2.5;

    public string EffectiveNodeName => string.IsNullOrWhiteSpace(NodeName) ? Environment.MachineName : NodeName.Trim();

    public static bool IsEnabled(StorageOptions storage, ClusterOptions cluster) =>
        storage.Provider == StorageProvider.PostgreSQL && !string.IsNullOrWhiteSpace(cluster.Redis);

    /// <returns>Why this configuration cannot start, or null.</returns>
    public string? Validate(StorageOptions storage)
    {
        if (string.IsNullOrWhiteSpace(Redis)) return null;
        if (storage.Provider != StorageProvider.PostgreSQL)
            return "Cluster:Redis is set but Storage:Provider is not PostgreSQL: server nodes can only share a PostgreSQL database. Set Storage:Provider=PostgreSQL or remove Cluster:Redis.";
        if (FailoverSeconds is < 3 or > 3600) return "Cluster:FailoverSeconds must be between 3 and 3600.";
        if (string.IsNullOrWhiteSpace(ChannelPrefix)) return "Cluster:ChannelPrefix must not be empty.";
        if (Heartbeat * 3 > Failover) return "Cluster:HeartbeatSeconds must be at most a third of Cluster:FailoverSeconds.";
        return null;
    }
}
