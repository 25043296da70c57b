using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Tests.Api.Realtime;
using ProbeDashboard.Tests.Support;
using Xunit.Abstractions;

namespace ProbeDashboard.Tests.Cluster;

/// <summary>
/// Issue #15 test 2 and "Redis lost while running", on two real server processes sharing one real PostgreSQL and one
/// real redis-server: seed 001 subscribers on either node see what the other node probed and alerted; without Redis
/// the nodes keep probing and say "degraded" at /readyz, and the crossing resumes by itself when Redis is back.
/// </summary>
[Trait("Category", "Cluster")]
public sealed class LiveEverywhereTests(ITestOutputHelper output, ThrowawayPostgres postgres) : ClusterProcessTest(output, postgres)
{
    /// <summary>
    /// Enough that the hash splits them over two nodes: node ids are random per start, so all on one node has a chance
    /// of 2 in 2^24 per start (with 8 it was 1 in 128, and this class starts three pairs per CI run).
    /// </summary>
    private const int Monitors = 24;
    private const int IntervalSeconds = 2;
    /// <summary>Generous: the machine is shared; a passing wait returns as soon as the messages are in.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private CountingTarget _target = null!;

    protected override async Task StartHelpersAsync() => _target = await CountingTarget.StartAsync();

    protected override Task SeedAsync() => AddHttpMonitorsAsync(Monitors, "live", IntervalSeconds, 1, id => $"{_target.BaseUrl}/m/{id}");

    protected override async ValueTask DisposeHelpersAsync() => await _target.DisposeAsync();

    [Fact]
    public async Task Probe_results_committed_on_either_node_reach_socket_subscribers_on_both_once()
    {
        var (a, b) = await StartTwoNodesSharingTheRoundsAsync();
        await using var onA = await SubscribeServicesAsync(a);
        await using var onB = await SubscribeServicesAsync(b);

        // Each node probes only its share, so a subscriber that sees every monitor saw the other node's results too.
        await Task.WhenAll(SeeEveryMonitorOnceAsync(onA, a.Name), SeeEveryMonitorOnceAsync(onB, b.Name));
    }

    [Fact]
    public async Task An_alert_fired_on_one_node_reaches_alert_subscribers_on_both()
    {
        var (a, b) = await StartTwoNodesSharingTheRoundsAsync();
        await using var onA = await a.ConnectAsync("/api/v1/ws/alert-events");
        await using var onB = await b.ConnectAsync("/api/v1/ws/alert-events");
        foreach (var client in new[] { onA, onB })
        {
            await client.SendAsync("""{"action":"subscribe","levels":["info","warning","critical"]}""");
            await client.SyncAsync();
        }

        // Created on node A; whichever node owns it (B learns of it over the bus, not at its next reconcile) probes
        // it, fails, and fires: both subscribers must see that one event.
        var name = $"refused {Guid.NewGuid():N}";
        using var created = await a.Api.PostAsync("/api/v1/service-monitors", ApiJson.Content(new
        {
            name, type = 2, target = $"127.0.0.1:{RedisServer.FreePort()}", duration = IntervalSeconds, timeout = 1,
            enable_alert = true, fail_threshold = 1,
        }));
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());

        var firedOnA = await NextFiredAsync(onA, name);
        var firedOnB = await NextFiredAsync(onB, name);
        Assert.Equal(firedOnA.GetProperty("event").GetProperty("id").GetInt64(), firedOnB.GetProperty("event").GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task Without_Redis_the_nodes_keep_probing_and_say_degraded_then_live_updates_cross_again()
    {
        var (a, b) = await StartTwoNodesSharingTheRoundsAsync();
        await StopRedisAsync();   // stops the redis-server this test started, by its PID

        await Eventually.TrueAsync(async () => (await ReadyzAsync(a)).Contains("redis: degraded"), "node A's /readyz to report Redis lost", 60_000);
        var readyz = await ReadyzAsync(a);
        Output.WriteLine(readyz);
        Assert.StartsWith("ready", readyz);
        using (var health = await a.Api.GetAsync("/healthz")) Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        await using (var local = await HubTestClient.ConnectAsync(b.Socket("/hubs/monitoring"), b.Token))
        {
            await local.CallAsync("SubscribeServices", Enumerable.Range(1, Monitors).ToArray());
            Assert.Equal("probe_result", (await local.ReceivePushAsync()).GetProperty("target").GetString());
        }
        await using (var socket = await SubscribeServicesAsync(b))
            Assert.Equal("probe_result", (await socket.ReceiveAsync(Patience)).GetProperty("type").GetString());
        long before;
        await using (var db = Db.Open()) before = await db.ProbeResults.LongCountAsync();
        await Eventually.TrueAsync(async () =>
        {
            await using var db = Db.Open();
            return await db.ProbeResults.LongCountAsync() >= before + 2 * Monitors;
        }, "both nodes to keep committing results without Redis", (int)Patience.TotalMilliseconds);

        await RestartRedisAsync();
        await Eventually.TrueAsync(async () => (await ReadyzAsync(a)).Contains("redis: ok") && (await ReadyzAsync(b)).Contains("redis: ok"),
            "both nodes to reconnect to Redis by themselves", 60_000);
        await using var onB = await SubscribeServicesAsync(b);
        await SeeEveryMonitorOnceAsync(onB, b.Name);
        // The hub, whose backplane lives on the same Redis, serves subscribers again too.
        await using var hub = await HubTestClient.ConnectAsync(b.Socket("/hubs/monitoring"), b.Token);
        await hub.CallAsync("SubscribeServices", Enumerable.Range(1, Monitors).ToArray());
        var push = await hub.ReceivePushAsync();
        Assert.Equal("probe_result", push.GetProperty("target").GetString());
    }

    private async Task<(LiveClusterNodes.Node A, LiveClusterNodes.Node B)> StartTwoNodesSharingTheRoundsAsync()
    {
        var a = await Live.StartAsync("node-a");   // alone first: it creates the initial rows
        var b = await Live.StartAsync("node-b");
        // Each owns some rounds and neither all: results of the other node's share can only arrive over the bus.
        await WaitForLiveNodesAsync(5, live => live.Count == 2 && live.All(n => n.RoundsOwned is > 0 and < Monitors),
            "both nodes to share the rounds", TimeSpan.FromSeconds(90));
        return (a, b);
    }

    private static async Task<SocketTestClient> SubscribeServicesAsync(LiveClusterNodes.Node node)
    {
        var client = await node.ConnectAsync("/api/v1/ws/service-probe");
        await client.SendAsync(JsonSerializer.Serialize(new { action = "subscribe", service_ids = Enumerable.Range(1, Monitors) }));
        // No SyncAsync: results flow every few milliseconds here, so one may be pushed before the sync's reply. The
        // callers read probe_result frames next; a refused subscription answers with an error frame, which fails them.
        return client;
    }

    /// <summary>Reads probe_result pushes until every monitor was seen; no result may arrive twice.</summary>
    private async Task SeeEveryMonitorOnceAsync(SocketTestClient client, string node)
    {
        var seen = new HashSet<(int Monitor, string Timestamp)>();
        var monitors = new HashSet<int>();
        using var limit = new CancellationTokenSource(Patience);
        while (monitors.Count < Monitors)
        {
            Assert.False(limit.IsCancellationRequested, $"{node}'s subscriber saw only monitors {string.Join(',', monitors.Order())}");
            var message = await client.ReceiveAsync(Patience);
            Assert.Equal("probe_result", message.GetProperty("type").GetString());
            var monitor = message.GetProperty("service_id").GetInt32();
            Assert.True(seen.Add((monitor, message.GetProperty("data").GetProperty("timestamp").GetString()!)),
                $"{node}'s subscriber got the same result twice: {message}");
            monitors.Add(monitor);
        }
        Output.WriteLine($"{node}: every monitor's results arrived ({seen.Count} results)");
    }

    private static async Task<JsonElement> NextFiredAsync(SocketTestClient client, string targetName)
    {
        using var limit = new CancellationTokenSource(Patience);
        while (true)
        {
            Assert.False(limit.IsCancellationRequested, $"no alert_fired for {targetName}");
            var message = await client.ReceiveAsync(Patience);
            if (message.GetProperty("type").GetString() == "alert_fired"
                && message.GetProperty("event").GetProperty("target_name").GetString() == targetName)
                return message;
        }
    }

    private static async Task<string> ReadyzAsync(LiveClusterNodes.Node node)
    {
        using var response = await node.Api.GetAsync("/readyz");
        return await response.Content.ReadAsStringAsync();
    }
}
