using Microsoft.Extensions.Options;
using ProbeDashboard.Core.Cluster;
using ProbeDashboard.Core.Storage;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Cluster;

public class ClusterMembershipTests
{
    private static readonly DateTime T0 = new(2026, 12, 6, 12, 0, 0, DateTimeKind.Utc);

    internal static ClusterMembership Member(bool cluster = true, int failoverSeconds = 10, TimeProvider? time = null) => new(
        Options.Create(new StorageOptions { Provider = cluster ? StorageProvider.PostgreSQL : StorageProvider.Sqlite, ConnectionString = "Host=127.0.0.1" }),
        Options.Create(new ClusterOptions { Redis = "127.0.0.1:6379", FailoverSeconds = failoverSeconds }),
        time ?? new ManualTimeProvider());

    private static NodeLease Lease(ClusterMembership node, DateTime from, DateTime until) => new(node.SelfId, from, until);

    private static DateTimeOffset At(DateTime t) => new(t);

    [Fact]
    public void A_single_server_owns_every_round_and_reads_no_table()
    {
        var single = Member(cluster: false);
        Assert.False(single.Enabled);
        Assert.Empty(single.Leases);
        Assert.True(single.Owns(1, 1, At(T0)));
    }

    [Fact]
    public void Nodes_that_read_the_same_leases_split_every_round_between_them_exactly_once()
    {
        var (a, b, c) = (Member(), Member(), Member());
        NodeLease[] leases = [Lease(a, T0, T0.AddMinutes(1)), Lease(b, T0, T0.AddMinutes(1)), Lease(c, T0, T0.AddMinutes(1))];
        foreach (var node in new[] { a, b, c }) node.Update(leases);
        var counts = new int[3];
        for (var monitor = 1; monitor <= 3_000; monitor++)
        {
            var owners = new[] { a, b, c }.Select(n => n.Owns(monitor, 7, At(T0.AddSeconds(5)))).ToArray();
            Assert.Equal(1, owners.Count(o => o));
            counts[Array.IndexOf(owners, true)]++;
        }
        Assert.All(counts, n => Assert.InRange(n, 800, 1_200));
    }

    [Fact]
    public void A_dead_nodes_rounds_pass_to_the_survivors_from_the_first_round_after_its_lease_ends()
    {
        var (a, b) = (Member(), Member());
        var deadAt = T0.AddSeconds(30);
        NodeLease[] leases = [Lease(a, T0, T0.AddHours(1)), Lease(b, T0, deadAt)];
        a.Update(leases);
        var bsRounds = Enumerable.Range(1, 200).Where(m => !a.Owns(m, 1, At(T0.AddSeconds(10)))).ToList();
        Assert.NotEmpty(bsRounds);
        // Rounds scheduled before the lease ended were b's (b ran them, or they are lost with it); from then on a's.
        Assert.All(bsRounds, m => Assert.False(a.Owns(m, 1, At(deadAt.AddMilliseconds(-1)))));
        Assert.All(bsRounds, m => Assert.True(a.Owns(m, 1, At(deadAt))));
    }

    [Fact]
    public void A_joining_node_owns_nothing_before_its_start_and_its_share_after()
    {
        var (a, joiner) = (Member(), Member());
        var joinsAt = T0.AddSeconds(12);
        NodeLease[] leases = [Lease(a, T0, T0.AddHours(1)), Lease(joiner, joinsAt, T0.AddHours(1))];
        a.Update(leases);
        joiner.Update(leases);
        Assert.All(Enumerable.Range(1, 100), m => Assert.True(a.Owns(m, 1, At(joinsAt.AddTicks(-1)))));
        Assert.All(Enumerable.Range(1, 100), m => Assert.False(joiner.Owns(m, 1, At(joinsAt.AddTicks(-1)))));
        var share = Enumerable.Range(1, 100).Count(m => joiner.Owns(m, 1, At(joinsAt)));
        Assert.InRange(share, 30, 70);
        Assert.All(Enumerable.Range(1, 100), m => Assert.NotEqual(a.Owns(m, 1, At(joinsAt)), joiner.Owns(m, 1, At(joinsAt))));
    }

    [Fact]
    public void A_node_missing_from_the_table_owns_nothing()
    {
        var (a, stranger) = (Member(), Member());
        stranger.Update([Lease(a, T0, T0.AddHours(1))]);
        Assert.All(Enumerable.Range(1, 50), m => Assert.False(stranger.Owns(m, 1, At(T0.AddSeconds(1)))));
    }

    [Fact]
    public void Each_iplive_group_has_exactly_one_callback_owner_among_the_live_nodes_and_a_single_server_owns_all()
    {
        var (a, b) = (Member(), Member());
        NodeLease[] leases = [Lease(a, T0, T0.AddMinutes(1)), Lease(b, T0, T0.AddMinutes(1))];
        a.Update(leases);
        b.Update(leases);
        var byA = Enumerable.Range(1, 200).Count(g => a.OwnsIpLiveGroup(g, At(T0.AddSeconds(5))));
        Assert.All(Enumerable.Range(1, 200), g => Assert.NotEqual(a.OwnsIpLiveGroup(g, At(T0.AddSeconds(5))), b.OwnsIpLiveGroup(g, At(T0.AddSeconds(5)))));
        Assert.InRange(byA, 60, 140);
        Assert.True(Member(cluster: false).OwnsIpLiveGroup(1, At(T0)));
    }
}
