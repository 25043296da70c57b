using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Compat.IpLive;

/// <summary>
/// Which probe hosts run a group's monitors. With node_ips: exactly those iplive nodes. Otherwise the seed's
/// level decides how many: level + 1 hosts, the server's own host first, then the other hosts by id (iplive
/// nodes and agents alike; never a cluster node's metrics host), fewer when fewer exist.
/// </summary>
public static class IpLiveHostPicker
{
    /// <returns>The host ids, or the node IPs that are not iplive nodes.</returns>
    public static async Task<(IReadOnlyList<int> HostIds, IReadOnlyList<string> UnknownNodes)> PickAsync(
        ProbeDbContext db, int level, IReadOnlyList<string> nodeIps, CancellationToken cancellationToken)
    {
        if (nodeIps.Count > 0)
        {
            var nodes = await db.IpLiveNodes.AsNoTracking().Where(n => nodeIps.Contains(n.NodeIp))
                .Select(n => new { n.NodeIp, n.HostId }).ToListAsync(cancellationToken);
            var unknown = nodeIps.Except(nodes.Select(n => n.NodeIp)).ToList();
            return (nodes.Select(n => n.HostId).Distinct().Order().ToList(), unknown);
        }
        var hostIds = await db.Hosts.AsNoTracking().Where(h => h.ClusterNodeName == null).OrderByDescending(h => h.IsServer).ThenBy(h => h.Id)
            .Select(h => h.Id).Take(level + 1).ToListAsync(cancellationToken);
        return (hostIds, []);
    }
}
