using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Prometheus;
using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Cluster;
using ProbeDashboard.Core.Cluster.Bus;
using ProbeDashboard.Core.Events;
using ProbeDashboard.Core.Hosts.Dependencies;
using ProbeDashboard.Core.Storage;
using ProbeDashboard.Health;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Cluster;

/// <summary>
/// Two nodes' buses joined by their bridges over a real redis-server: an alert change (an acknowledgement, which the
/// alert pages show live) made on one node is heard on the other, once, and never comes back; a Redis that goes away
/// pauses only that, and the bridge resumes by itself when it returns.
/// </summary>
[Trait("Category", "Cluster")]
public sealed class ClusterEventBridgeRedisTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private RedisServer? _redis;
    private Node _a = null!;
    private Node _b = null!;

    public async Task InitializeAsync()
    {
        var redis = await RedisServer.StartAsync();
        _redis = redis;
        _a = await Node.StartAsync(redis);
        _b = await Node.StartAsync(redis);
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        if (_redis is not null) await _redis.DisposeAsync();
    }

    [Fact]
    public async Task An_alert_change_on_one_node_reaches_the_other_once_and_is_not_sent_back()
    {
        var ack = PeerEventSamples.Alert(AlertEventChange.Acknowledged, id: 77);
        _a.Bus.Publish(ack);
        Assert.Same(ack, await NextAsync(_a.PeerAlerts));   // a local event reaches every subscriber, as before

        var received = await NextAsync(_b.PeerAlerts);
        Assert.Equal(ack, received);   // records: every field, including the nested summary
        Assert.False(_b.LocalAlerts.Reader.TryRead(out _), "the alert engine's kind of subscriber must not act on another node's events");

        // A marker from B: anything B had sent back, or A's own message, would reach A's peer subscriber before it.
        var marker = PeerEventSamples.Alert(AlertEventChange.Fired, id: 78);
        _b.Bus.Publish(marker);
        Assert.Equal(marker, await NextAsync(_a.PeerAlerts));
        Assert.Same(marker, await NextAsync(_b.PeerAlerts));   // and not a second copy of the acknowledgement before it
    }

    [Fact]
    public async Task Redis_lost_pauses_only_the_crossing_readiness_says_degraded_and_the_bridge_resumes_by_itself()
    {
        Assert.False(RedisReadiness.Check(_a.Redis).Degraded);
        var port = _redis!.Port;
        await _redis.DisposeAsync();   // stops the redis-server this test started, by its PID
        _redis = null;
        await Eventually.TrueAsync(() => !_a.Redis.IsConnected, "node A to notice that Redis is gone", (int)Patience.TotalMilliseconds);

        var readiness = RedisReadiness.Check(_a.Redis);
        Assert.True(readiness.Ready, "a lost Redis must not take the node out of a load balancer");
        Assert.True(readiness.Degraded);
        Assert.Contains("lost", readiness.Detail);
        // Publishing goes on without waiting for Redis; the node's own subscribers still hear it.
        _a.Bus.Publish(new HostGroupDependenciesChanged(1));
        Assert.True(_a.LocalGroups.Reader.TryRead(out _));

        _redis = await RedisServer.StartAsync(port);
        await Eventually.TrueAsync(() => _a.Redis.IsConnected && _b.Redis.IsConnected, "both nodes to reconnect to Redis", 60_000);
        Assert.False(RedisReadiness.Check(_a.Redis).Degraded);

        // Subscriptions come back a moment after the connection: send until one arrives.
        await Eventually.TrueAsync(async () =>
        {
            _a.Bus.Publish(new HostGroupDependenciesChanged(2));
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            try
            {
                return (await _b.PeerGroups.Reader.ReadAsync(wait.Token)).GroupId == 2;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }, "an event to cross again after Redis came back", 60_000);
    }

    private static async Task<T> NextAsync<T>(EventSubscription<T> subscription) where T : class
    {
        using var timeout = new CancellationTokenSource(Patience);
        return await subscription.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>What one server node has of this: its bus, its Redis connection and its bridge, plus test subscribers.</summary>
    private sealed class Node : IAsyncDisposable
    {
        private ClusterEventBridge _bridge = null!;

        public EventBus Bus { get; } = new();
        public ClusterRedis Redis { get; } = new();
        public EventSubscription<AlertEventChanged> LocalAlerts { get; private set; } = null!;
        public EventSubscription<AlertEventChanged> PeerAlerts { get; private set; } = null!;
        public EventSubscription<HostGroupDependenciesChanged> LocalGroups { get; private set; } = null!;
        public EventSubscription<HostGroupDependenciesChanged> PeerGroups { get; private set; } = null!;

        public static async Task<Node> StartAsync(RedisServer redis)
        {
            var node = new Node();
            Assert.Null(await node.Redis.ConnectAsync(redis.Configuration, TimeSpan.FromSeconds(10)));
            var membership = new ClusterMembership(
                Options.Create(new StorageOptions { Provider = StorageProvider.PostgreSQL }),
                Options.Create(new ClusterOptions { Redis = redis.Configuration, ChannelPrefix = "bridge-test-" + redis.Port }),
                TimeProvider.System);
            node._bridge = new ClusterEventBridge(node.Bus, node.Redis, membership, Metrics.NewCustomRegistry(), NullLogger<ClusterEventBridge>.Instance);
            await node._bridge.StartAsync(CancellationToken.None);
            Assert.True(node._bridge.Active);
            node.LocalAlerts = node.Bus.Subscribe<AlertEventChanged>();
            node.PeerAlerts = node.Bus.Subscribe<AlertEventChanged>(includePeerEvents: true);
            node.LocalGroups = node.Bus.Subscribe<HostGroupDependenciesChanged>();
            node.PeerGroups = node.Bus.Subscribe<HostGroupDependenciesChanged>(includePeerEvents: true);
            return node;
        }

        public async ValueTask DisposeAsync()
        {
            await _bridge.StopAsync(CancellationToken.None);
            _bridge.Dispose();
            Redis.Dispose();
        }
    }
}
