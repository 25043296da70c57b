using Microsoft.Extensions.Options;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Cluster;

/// <summary>A node's claim on rounds as last read from the table: it owns rounds in [OwnsFrom, LiveUntil).</summary>
public sealed record NodeLease(Guid Id, DateTime OwnsFrom, DateTime LiveUntil)
{
    public ulong Seed { get; } = RendezvousHash.Seed(Id);

    public bool IsLiveAt(DateTime at) => OwnsFrom <= at && at < LiveUntil;
}

/// <summary>
/// This process's view of the cluster, refreshed by <see cref="ClusterHeartbeat"/>, and the one question the probe
/// scheduler asks it: does this node run that (monitor, host) round at that scheduled instant? Every node keeps the
/// whole schedule and answers from the same leases at the same instant (the round's scheduled time, not "now"), so
/// the nodes agree without talking to each other, and a change of owner falls on a round boundary: no burst, no gap.
/// Without a cluster the answer is always yes.
/// </summary>
public sealed class ClusterMembership
{
    private volatile IReadOnlyList<NodeLease> _leases = [];

    public ClusterMembership(IOptions<StorageOptions> storage, IOptions<ClusterOptions> options, TimeProvider time)
    {
        Options = options.Value;
        Enabled = ClusterOptions.IsEnabled(storage.Value, Options);
        Name = Options.EffectiveNodeName;
        Address = Options.Address ?? "";
        StartedAt = time.GetUtcNow().UtcDateTime;
    }

    public ClusterOptions Options { get; }

    /// <summary>PostgreSQL and Cluster:Redis are both configured.</summary>
    public bool Enabled { get; }

    /// <summary>This process's identity: new at every start.</summary>
    public Guid SelfId { get; } = Guid.NewGuid();

    public string Name { get; }

    /// <summary>Where this node listens; the host fills it in once it knows (unless Cluster:Address says it).</summary>
    public string Address { get; set; }

    public DateTime StartedAt { get; }

    public IReadOnlyList<NodeLease> Leases => _leases;

    /// <summary>Replaces the view with the leases just read (the heartbeat's job).</summary>
    public void Update(IReadOnlyList<NodeLease> leases) => _leases = leases;

    /// <summary>Does this node run the round of (<paramref name="monitorId"/>, <paramref name="hostId"/>) scheduled at <paramref name="scheduledAt"/>?</summary>
    public bool Owns(int monitorId, int hostId, DateTimeOffset scheduledAt) => OwnsKey(monitorId, hostId, scheduledAt);

    /// <summary>
    /// Does this node send the round callbacks of iplive group <paramref name="groupId"/> at <paramref name="at"/>? The
    /// same rendezvous hash over the live nodes, keyed in a space no (monitor, host) pair uses (host ids are positive).
    /// </summary>
    public bool OwnsIpLiveGroup(int groupId, DateTimeOffset at) => OwnsKey(groupId, IpLiveGroupKeySpace, at);

    private const int IpLiveGroupKeySpace = -1;

    private bool OwnsKey(int key, int space, DateTimeOffset at)
    {
        if (!Enabled) return true;
        var instant = at.UtcDateTime;
        var leases = _leases;
        Span<ulong> seeds = leases.Count <= 64 ? stackalloc ulong[leases.Count] : new ulong[leases.Count];
        var count = 0;
        var self = -1;
        foreach (var lease in leases)
        {
            if (!lease.IsLiveAt(instant)) continue;
            if (lease.Id == SelfId) self = count;
            seeds[count++] = lease.Seed;
        }
        return self >= 0 && RendezvousHash.Owner(seeds[..count], key, space) == self;
    }
}
