using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Cluster;

/// <summary>
/// One node as the Cluster card and <c>GET /api/v1/cluster/nodes</c> show it; <see cref="HostId"/> is the host that
/// holds its machine metrics (none without a cluster, or before its first start sampled).
/// </summary>
public sealed record ClusterNodeView(
    Guid Id, string Name, string Address, string Version, DateTime StartedAt, DateTime LastHeartbeatAt,
    bool Live, bool IsSelf, int RoundsOwned, double ProbesPerSecond, int? HostId = null);

/// <summary>The cluster as this node sees it. Without a cluster: one node, this one.</summary>
public sealed record ClusterView(bool Enabled, int FailoverSeconds, IReadOnlyList<ClusterNodeView> Nodes);

/// <summary>The cluster's nodes for administrators (the one Core entry point for the API and the Settings card).</summary>
public sealed class ClusterService(ClusterMembership membership, ClusterNodeTable table, ClusterHeartbeat heartbeat, TimeProvider time)
{
    public async Task<ClusterView> GetNodesAsync(Actor actor, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.Admin);
        var now = time.GetUtcNow().UtcDateTime;
        var failover = membership.Options.Failover;
        if (!membership.Enabled)
        {
            var load = heartbeat.Load;
            return new ClusterView(false, membership.Options.FailoverSeconds,
                [new(membership.SelfId, membership.Name, membership.Address, BuildVersion.Current, membership.StartedAt, now,
                    true, true, load.RoundsOwned, load.ProbesPerSecond)]);
        }
        var nodes = await table.ListAsync(cancellationToken);
        var hosts = await table.NodeHostIdsAsync(cancellationToken);
        return new ClusterView(true, membership.Options.FailoverSeconds, [.. nodes.Select(n => new ClusterNodeView(
            n.Id, n.Name, n.Address, n.Version, n.StartedAt, n.LastHeartbeatAt,
            ClusterNodeTable.Lease(n, failover).IsLiveAt(now) || (n.OwnsFrom > now && n.LeftAt is null && n.LastHeartbeatAt + failover > now),
            n.Id == membership.SelfId, n.RoundsOwned, n.ProbesPerSecond, hosts.TryGetValue(n.Name, out var hostId) ? hostId : null))]);
    }
}
