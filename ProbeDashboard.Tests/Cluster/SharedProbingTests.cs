using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Tests.Support;
using Xunit.Abstractions;

namespace ProbeDashboard.Tests.Cluster;

/// <summary>
/// Three real server processes on one real PostgreSQL and one real redis-server, probing one counting target: each
/// round is probed once cluster-wide, spread over the nodes; after a kill -9 the survivors take the dead node's share
/// within FailoverSeconds + one interval; a restarted node gets its share back.
/// </summary>
[Trait("Category", "Cluster")]
public sealed class SharedProbingTests(ITestOutputHelper output, ThrowawayPostgres postgres) : ClusterProcessTest(output, postgres)
{
    private const int Monitors = 20;
    private const int IntervalSeconds = 2;
    private const int FailoverSeconds = 5;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    private CountingTarget _target = null!;

    protected override async Task StartHelpersAsync() => _target = await CountingTarget.StartAsync();

    protected override Task SeedAsync() => AddHttpMonitorsAsync(Monitors, "shared", IntervalSeconds, 1, id => $"{_target.BaseUrl}/m/{id}");

    protected override async ValueTask DisposeHelpersAsync() => await _target.DisposeAsync();

    /// <summary>A node process; a restarted one gets a data directory of its own (the killed one's may still be in use).</summary>
    private AppProcess StartNode(string name) => StartNode(name, new Dictionary<string, string>
    {
        ["Cluster__FailoverSeconds"] = FailoverSeconds.ToString(),
    }, dataDirectory: name + "-" + Nodes.Count);

    /// <summary>Waits until the live nodes named own every round between them, each some.</summary>
    private Task WaitForSharesAsync(params string[] names) => WaitForLiveNodesAsync(FailoverSeconds,
        live => live.Select(n => n.Name).Order().SequenceEqual(names.Order()) && live.All(n => n.RoundsOwned > 0) && live.Sum(n => n.RoundsOwned) == Monitors,
        $"nodes {string.Join(", ", names)} to share the {Monitors} rounds", TimeSpan.FromSeconds(90));

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
        Output.WriteLine($"{when}: {total} requests in {Window.TotalSeconds} s (expected {expected}); per monitor {string.Join(' ', hits.OrderBy(h => h.Key).Select(h => h.Value))}");
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
        await using (var db = Db.Open()) committedBeforeKill = await db.ProbeResults.LongCountAsync();
        var killedAt = DateTime.UtcNow;
        await started[2].KillAsync();   // SIGKILL of the PID this test started
        // Within FailoverSeconds + one interval the two survivors carry the whole schedule again.
        await Task.Delay(TimeSpan.FromSeconds(FailoverSeconds + IntervalSeconds));
        AssertOncePerInterval(await CountAsync(), "after kill -9 of node-c");
        await using (var db = Db.Open())
            Assert.True(await db.ProbeResults.LongCountAsync(r => r.Timestamp <= killedAt) >= committedBeforeKill,
                "results committed before the kill are still there");

        StartNode("node-c");
        await WaitForSharesAsync("node-a", "node-b", "node-c");
        AssertOncePerInterval(await CountAsync(), "node-c restarted");
    }
}
