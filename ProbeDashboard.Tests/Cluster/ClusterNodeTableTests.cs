using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Cluster;
using ProbeDashboard.Core.Storage;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Cluster;

/// <summary>The ClusterNodes table on the pass's database (SQLite, or PostgreSQL in test.sh's second pass).</summary>
public sealed class ClusterNodeTableTests : IAsyncLifetime
{
    private readonly ManualTimeProvider _time = new();
    private PipelineServices _pipeline = null!;

    public async Task InitializeAsync() => _pipeline = await PipelineServices.StartAsync(startWriter: false);

    public async Task DisposeAsync() => await _pipeline.DisposeAsync();

    private (ClusterMembership Member, ClusterNodeTable Table) Node()
    {
        var member = ClusterMembershipTests.Member(time: _time);
        return (member, new ClusterNodeTable(_pipeline.Get<IDbContextFactory<ProbeDbContext>>(), member, _time));
    }

    /// <summary>PostgreSQL keeps microseconds, .NET ticks are 100 ns.</summary>
    private static void AssertClose(DateTime expected, DateTime actual) =>
        Assert.InRange((actual - expected).Duration(), TimeSpan.Zero, TimeSpan.FromMilliseconds(1));

    [Fact]
    public async Task A_node_alone_owns_at_once_and_a_joiner_waits_until_every_node_has_read_its_row()
    {
        var (a, tableA) = Node();
        var (b, tableB) = Node();
        Assert.Null(await tableA.BeatAsync(new NodeLoad(3, 1.5), probing: true, CancellationToken.None));
        var now = _time.GetUtcNow();
        Assert.True(a.Owns(1, 1, now));

        _time.Advance(TimeSpan.FromSeconds(1));
        await tableB.BeatAsync(new NodeLoad(0, 0), probing: true, CancellationToken.None);
        await tableA.BeatAsync(new NodeLoad(3, 1.5), probing: true, CancellationToken.None);
        var leaseB = Assert.Single(a.Leases, l => l.Id == b.SelfId);
        AssertClose(_time.GetUtcNow().UtcDateTime + b.Options.JoinDelay, leaseB.OwnsFrom);
        // Both read the same row for the joiner, so they agree on the instant its share moves.
        Assert.Equal(leaseB, Assert.Single(b.Leases, l => l.Id == b.SelfId));
        Assert.All(Enumerable.Range(1, 40), m => Assert.False(b.Owns(m, 1, _time.GetUtcNow())));
        var later = _time.GetUtcNow() + b.Options.JoinDelay;
        Assert.All(Enumerable.Range(1, 40), m => Assert.NotEqual(a.Owns(m, 1, later), b.Owns(m, 1, later)));
    }

    [Fact]
    public async Task A_joiner_whose_scheduler_is_not_running_yet_claims_no_rounds_until_it_is()
    {
        var (a, tableA) = Node();
        var (b, tableB) = Node();
        await tableA.BeatAsync(new NodeLoad(40, 0), probing: true, CancellationToken.None);
        await tableB.BeatAsync(new NodeLoad(0, 0), probing: false, CancellationToken.None);   // still building its schedule
        _time.Advance(b.Options.JoinDelay * 4);
        await tableA.BeatAsync(new NodeLoad(40, 0), probing: true, CancellationToken.None);
        await tableB.BeatAsync(new NodeLoad(0, 0), probing: false, CancellationToken.None);
        var now = _time.GetUtcNow();
        Assert.All(Enumerable.Range(1, 40), m => Assert.True(a.Owns(m, 1, now) && !b.Owns(m, 1, now)));
        // Its row says it claims nothing yet (the Cluster card shows it live, joining).
        Assert.Contains(await tableA.ListAsync(CancellationToken.None), n => n.Id == b.SelfId && n.OwnsFrom == ClusterNodeTable.NotClaiming);

        await tableB.BeatAsync(new NodeLoad(0, 0), probing: true, CancellationToken.None);   // its scheduler now runs
        await tableA.BeatAsync(new NodeLoad(40, 0), probing: true, CancellationToken.None);
        var leaseB = Assert.Single(a.Leases, l => l.Id == b.SelfId);
        AssertClose(_time.GetUtcNow().UtcDateTime + b.Options.JoinDelay, leaseB.OwnsFrom);
        var later = _time.GetUtcNow() + b.Options.JoinDelay;
        Assert.All(Enumerable.Range(1, 40), m => Assert.NotEqual(a.Owns(m, 1, later), b.Owns(m, 1, later)));
        Assert.Contains(Enumerable.Range(1, 40), m => b.Owns(m, 1, later));
    }

    [Fact]
    public async Task A_silent_node_stops_being_live_after_the_failover_time_and_is_forgotten_after_an_hour()
    {
        var (a, tableA) = Node();
        var (b, tableB) = Node();
        await tableB.BeatAsync(new NodeLoad(0, 0), probing: true, CancellationToken.None);
        await tableA.BeatAsync(new NodeLoad(0, 0), probing: true, CancellationToken.None);
        var leaseB = Assert.Single(a.Leases, l => l.Id == b.SelfId);
        AssertClose(_time.GetUtcNow().UtcDateTime + a.Options.Failover, leaseB.LiveUntil);

        _time.Advance(ClusterNodeTable.ForgetAfter + TimeSpan.FromSeconds(1));
        await tableA.BeatAsync(new NodeLoad(0, 0), probing: true, CancellationToken.None);
        Assert.Equal([a.SelfId], a.Leases.Select(l => l.Id));
    }

    [Fact]
    public async Task A_leaving_node_gives_up_its_rounds_within_two_heartbeats_not_the_failover_time()
    {
        var (a, tableA) = Node();
        var (b, tableB) = Node();
        await tableB.BeatAsync(new NodeLoad(0, 0), probing: true, CancellationToken.None);
        await tableB.LeaveAsync(CancellationToken.None);
        await tableA.BeatAsync(new NodeLoad(0, 0), probing: true, CancellationToken.None);
        var leaseB = Assert.Single(a.Leases, l => l.Id == b.SelfId);
        Assert.True(leaseB.LiveUntil <= _time.GetUtcNow().UtcDateTime + b.Options.Heartbeat * 2);
    }

    [Fact]
    public async Task A_row_deleted_behind_a_nodes_back_is_written_again_at_its_next_heartbeat()
    {
        var (a, tableA) = Node();
        await tableA.BeatAsync(new NodeLoad(0, 0), probing: true, CancellationToken.None);
        await using (var db = await _pipeline.Get<IDbContextFactory<ProbeDbContext>>().CreateDbContextAsync())
            await db.Set<ClusterNode>().ExecuteDeleteAsync();
        _time.Advance(TimeSpan.FromSeconds(1));
        await tableA.BeatAsync(new NodeLoad(5, 2), probing: true, CancellationToken.None);
        var row = Assert.Single(await tableA.ListAsync(CancellationToken.None));
        Assert.Equal((a.SelfId, 5, 2.0), (row.Id, row.RoundsOwned, row.ProbesPerSecond));
    }

    [Fact]
    public async Task A_live_node_with_a_schema_this_build_does_not_know_is_reported()
    {
        var (_, tableA) = Node();
        await tableA.BeatAsync(new NodeLoad(0, 0), probing: true, CancellationToken.None);
        await using (var db = await _pipeline.Get<IDbContextFactory<ProbeDbContext>>().CreateDbContextAsync())
        {
            var now = _time.GetUtcNow().UtcDateTime;
            db.Add(new ClusterNode { Id = Guid.NewGuid(), Name = "newer", Address = "http://127.0.0.1:1", Version = "99.0",
                SchemaVersion = "99991231000000_FromTheFuture", StartedAt = now, LastHeartbeatAt = now, OwnsFrom = now });
            await db.SaveChangesAsync();
        }
        var newer = await tableA.BeatAsync(new NodeLoad(0, 0), probing: true, CancellationToken.None);
        Assert.Equal("newer", newer?.Name);
    }
}
