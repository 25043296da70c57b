using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Cluster;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Tests.Support;
using Xunit.Abstractions;

namespace ProbeDashboard.Tests.Cluster;

/// <summary>
/// Three real server processes on one real PostgreSQL and one real redis-server, probing one counting target: each
/// round is probed once cluster-wide, spread over the nodes; after a kill -9 the survivors take the dead node's share
/// within FailoverSeconds + one interval; a restarted node gets its share back.
/// </summary>
[Trait("Category", "Cluster")]
public sealed class SharedProbingTests(ITestOutputHelper output, ThrowawayPostgres postgres) : IClassFixture<ThrowawayPostgres>, IAsyncLifetime
{
    private const int Monitors = 20;
    private const int IntervalSeconds = 2;
    private const int FailoverSeconds = 5;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    private readonly TempDirectory _temp = new();
    private readonly List<AppProcess> _nodes = [];
    private RedisServer _redis = null!;
    private CountingTarget _target = null!;
    private ClusterDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        _target = await CountingTarget.StartAsync();
        _db = new ClusterDatabase(await postgres.CreateDatabaseAsync());
        await using var db = _db.Open();
        await db.Database.MigrateAsync();
        var now = DateTime.UtcNow;
        for (var i = 1; i <= Monitors; i++)
            db.Monitors.Add(new MonitorDefinition
            {
                Name = $"shared {i}", Kind = MonitorKind.Http, IntervalSeconds = IntervalSeconds, TimeoutSeconds = 1, CreatedAt = now, UpdatedAt = now,
            });
        await db.SaveChangesAsync();
        foreach (var monitor in await db.Monitors.ToListAsync()) monitor.Target = $"{_target.BaseUrl}/m/{monitor.Id}";
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.KillAsync();
            output.WriteLine(string.Join('\n', node.Output.TakeLast(30)));
        }
        foreach (var node in _nodes) await node.DisposeAsync();
        await _target.DisposeAsync();
        await _redis.DisposeAsync();
        _temp.Dispose();
    }

    private AppProcess StartNode(string name) => Track(AppProcess.Start(["serve", .. AppProcess.AnyLocalPort,
        "--data-dir", Path.Combine(_temp.Path, name + "-" + _nodes.Count), "--Auth:AdminPassword=cluster-test-password"],
        new Dictionary<string, string>
        {
            ["Storage__Provider"] = "PostgreSQL",
            ["Storage__ConnectionString"] = _db.ConnectionString,
            ["Cluster__Redis"] = _redis.Configuration,
            ["Cluster__FailoverSeconds"] = FailoverSeconds.ToString(),
            ["Cluster__NodeName"] = name,
        }));

    private AppProcess Track(AppProcess node)
    {
        _nodes.Add(node);
        return node;
    }

    /// <summary>Waits until the live nodes named own every round between them, each some.</summary>
    private async Task WaitForSharesAsync(params string[] names)
    {
        await Eventually.TrueAsync(async () =>
        {
            await using var db = _db.Open();
            var now = DateTime.UtcNow;
            var live = (await db.Set<ClusterNode>().AsNoTracking().ToListAsync())
                .Where(n => ClusterNodeTable.Lease(n, TimeSpan.FromSeconds(FailoverSeconds)).IsLiveAt(now)).ToList();
            return live.Select(n => n.Name).Order().SequenceEqual(names.Order())
                && live.All(n => n.RoundsOwned > 0) && live.Sum(n => n.RoundsOwned) == Monitors;
        }, $"nodes {string.Join(", ", names)} to share the {Monitors} rounds", 90_000);
    }

    /// <summary>Requests per monitor over <see cref="Window"/>.</summary>
    private async Task<Dictionary<int, int>> CountAsync()
    {
        var before = _target.Snapshot();
        await Task.Delay(Window);   // a measuring window, not a wait for something to happen
        var after = _target.Snapshot();
        return after.ToDictionary(p => p.Key, p => p.Value - before.GetValueOrDefault(p.Key));
    }

    private void AssertOncePerInterval(Dictionary<int, int> hits, string when)
    {
        var expected = Monitors * Window.TotalSeconds / IntervalSeconds;
        var total = hits.Values.Sum();
        output.WriteLine($"{when}: {total} requests in {Window.TotalSeconds} s (expected {expected}); per monitor {string.Join(' ', hits.OrderBy(h => h.Key).Select(h => h.Value))}");
        Assert.InRange(total, expected * 0.85, expected * 1.15);
        Assert.Equal(Monitors, hits.Count(h => h.Value > 0));
        // Not one per node: no monitor is probed more than once per interval (plus a round on the window's edge).
        Assert.All(hits.Values, n => Assert.InRange(n, 1, Window.TotalSeconds / IntervalSeconds + 1));
    }

    [Fact]
    public async Task Each_round_is_probed_once_cluster_wide_and_a_killed_nodes_share_is_taken_over_then_handed_back()
    {
        // The first node comes up before the others join, so the shares start from one node (nodes starting together
        // on an empty database are FirstStartTests' case).
        var first = StartNode("node-a");
        await first.ListeningUrlAsync(TimeSpan.FromSeconds(90));
        var started = new[] { first, StartNode("node-b"), StartNode("node-c") };
        foreach (var node in started) await node.ListeningUrlAsync(TimeSpan.FromSeconds(90));
        await WaitForSharesAsync("node-a", "node-b", "node-c");
        AssertOncePerInterval(await CountAsync(), "three nodes");

        long committedBeforeKill;
        await using (var db = _db.Open()) committedBeforeKill = await db.ProbeResults.LongCountAsync();
        var killedAt = DateTime.UtcNow;
        await started[2].KillAsync();   // SIGKILL of the PID this test started
        // Within FailoverSeconds + one interval the two survivors carry the whole schedule again.
        await Task.Delay(TimeSpan.FromSeconds(FailoverSeconds + IntervalSeconds));
        AssertOncePerInterval(await CountAsync(), "after kill -9 of node-c");
        await using (var db = _db.Open())
            Assert.True(await db.ProbeResults.LongCountAsync(r => r.Timestamp <= killedAt) >= committedBeforeKill,
                "results committed before the kill are still there");

        StartNode("node-c");
        await WaitForSharesAsync("node-a", "node-b", "node-c");
        AssertOncePerInterval(await CountAsync(), "node-c restarted");
    }
}
