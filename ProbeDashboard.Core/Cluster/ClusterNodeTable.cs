using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Cluster;

/// <summary>The ClusterNodes table: this node's row (written each heartbeat) and everyone's leases (read each heartbeat).</summary>
public sealed class ClusterNodeTable(IDbContextFactory<ProbeDbContext> dbFactory, ClusterMembership membership, TimeProvider time)
{
    /// <summary>Rows of nodes dead this long are deleted, so restarts do not pile up on the Cluster card.</summary>
    public static readonly TimeSpan ForgetAfter = TimeSpan.FromHours(1);

    /// <summary>The OwnsFrom of a node that has joined others but cannot probe yet: it claims no rounds.</summary>
    public static readonly DateTime NotClaiming = DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc);

    private bool _registered;
    private DateTime _ownsFrom;

    /// <summary>Writes this node's heartbeat and load, then refreshes the membership from all rows.</summary>
    /// <param name="probing">This node's probe scheduler is running (see <see cref="IClusterWorkload.IsProbing"/>).</param>
    /// <returns>A live node whose schema this build does not know, if any.</returns>
    public async Task<ClusterNode?> BeatAsync(NodeLoad load, bool probing, CancellationToken cancellationToken)
    {
        var options = membership.Options;
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        // A node that joined before its scheduler ran claims its share now, once the others have read the claim.
        if (_ownsFrom == NotClaiming && probing) _ownsFrom = now + options.JoinDelay;
        var updated = !_registered ? 0 : await db.Set<ClusterNode>().Where(n => n.Id == membership.SelfId)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.LastHeartbeatAt, now).SetProperty(n => n.Address, membership.Address)
                .SetProperty(n => n.OwnsFrom, _ownsFrom)
                .SetProperty(n => n.RoundsOwned, load.RoundsOwned).SetProperty(n => n.ProbesPerSecond, load.ProbesPerSecond), cancellationToken);
        if (updated == 0)
        {
            // First beat (or the row was forgotten while this node hung): a node that is alone may own rounds at once;
            // one that joins others waits until each of them has read its row, and until it can probe.
            var othersLive = await db.Set<ClusterNode>().AnyAsync(n => n.Id != membership.SelfId && n.LeftAt == null
                && n.LastHeartbeatAt > now - options.Failover, cancellationToken);
            _ownsFrom = !othersLive ? now : probing ? now + options.JoinDelay : NotClaiming;
            await db.Set<ClusterNode>().Where(n => n.Id == membership.SelfId).ExecuteDeleteAsync(cancellationToken);
            db.Add(new ClusterNode
            {
                Id = membership.SelfId, Name = membership.Name, Address = membership.Address, Version = BuildVersion.Current,
                SchemaVersion = known.Max(StringComparer.Ordinal) ?? "", StartedAt = membership.StartedAt, LastHeartbeatAt = now,
                OwnsFrom = _ownsFrom, RoundsOwned = load.RoundsOwned, ProbesPerSecond = load.ProbesPerSecond,
            });
            await db.SaveChangesAsync(cancellationToken);
            _registered = true;
        }
        await db.Set<ClusterNode>().Where(n => n.LastHeartbeatAt < now - ForgetAfter).ExecuteDeleteAsync(cancellationToken);
        var nodes = await db.Set<ClusterNode>().AsNoTracking().ToListAsync(cancellationToken);
        membership.Update([.. nodes.Select(n => Lease(n, options.Failover))]);
        return nodes.FirstOrDefault(n => Lease(n, options.Failover).IsLiveAt(now) && !known.Contains(n.SchemaVersion) && n.SchemaVersion != "");
    }

    /// <summary>Stops owning rounds shortly (once the others have read it), instead of after the whole failover time.</summary>
    public async Task LeaveAsync(CancellationToken cancellationToken)
    {
        if (!_registered) return;
        var leaveAt = time.GetUtcNow().UtcDateTime + membership.Options.Heartbeat * 1.5;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Set<ClusterNode>().Where(n => n.Id == membership.SelfId)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.LeftAt, leaveAt), cancellationToken);
    }

    public async Task<IReadOnlyList<ClusterNode>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<ClusterNode>().AsNoTracking().OrderBy(n => n.Name).ThenBy(n => n.StartedAt).ToListAsync(cancellationToken);
    }

    /// <summary>Each node name's own host (its machine metrics), by <see cref="Hosts.ProbeHost.ClusterNodeName"/>.</summary>
    public async Task<IReadOnlyDictionary<string, int>> NodeHostIdsAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Hosts.AsNoTracking().Where(h => h.ClusterNodeName != null)
            .ToDictionaryAsync(h => h.ClusterNodeName!, h => h.Id, StringComparer.Ordinal, cancellationToken);
    }

    /// <summary>A lease ends at the heartbeat plus the failover time, or when the node said it leaves, whichever is first.</summary>
    public static NodeLease Lease(ClusterNode node, TimeSpan failover)
    {
        var until = node.LastHeartbeatAt + failover;
        if (node.LeftAt is { } left && left < until) until = left;
        return new NodeLease(node.Id, node.OwnsFrom, until);
    }
}
