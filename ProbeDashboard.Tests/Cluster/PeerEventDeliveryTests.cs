using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Prometheus;
using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Cluster;
using ProbeDashboard.Core.Cluster.Bus;
using ProbeDashboard.Core.Events;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Tests.Cluster;

/// <summary>
/// Who hears a peer's events on the in-process bus, and that a single server pays nothing for the bridge. The
/// crossing itself, over a real Redis, is in <see cref="ClusterEventBridgeRedisTests"/>.
/// </summary>
public class PeerEventDeliveryTests
{
    [Fact]
    public void Peer_events_reach_only_the_subscribers_and_observers_that_ask_for_them()
    {
        var bus = new EventBus();
        using var local = bus.Subscribe<AlertEventChanged>();
        using var withPeers = bus.Subscribe<AlertEventChanged>(includePeerEvents: true);
        var observedLocal = new List<AlertEventChanged>();
        var observedWithPeers = new List<AlertEventChanged>();
        using var localObserver = bus.Observe<AlertEventChanged>(observedLocal.Add);
        using var peerObserver = bus.Observe<AlertEventChanged>(observedWithPeers.Add, includePeerEvents: true);

        var mine = PeerEventSamples.Alert(id: 1);
        var theirs = PeerEventSamples.Alert(id: 2);
        bus.Publish(mine);
        bus.PublishFromPeer(theirs);

        Assert.Equal([mine], Drain(local));
        Assert.Equal([mine, theirs], Drain(withPeers));
        Assert.Equal([mine], observedLocal);
        Assert.Equal([mine, theirs], observedWithPeers);
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite, "127.0.0.1:6379")]   // Redis without a shared database is refused at start-up anyway
    [InlineData(StorageProvider.PostgreSQL, null)]
    [InlineData(StorageProvider.Sqlite, null)]
    public async Task Without_a_cluster_the_bridge_adds_nothing_to_the_bus(StorageProvider provider, string? redis)
    {
        var bus = new EventBus();
        var membership = new ClusterMembership(Options.Create(new StorageOptions { Provider = provider }),
            Options.Create(new ClusterOptions { Redis = redis }), TimeProvider.System);
        using var bridge = new ClusterEventBridge(bus, new ClusterRedis(), membership, Metrics.NewCustomRegistry(), NullLogger<ClusterEventBridge>.Instance);

        await bridge.StartAsync(CancellationToken.None);

        Assert.False(bridge.Active);
        Assert.Equal(0, bus.SubscriberCount);   // so Publish loops over exactly the subscribers it had before
        await bridge.StopAsync(CancellationToken.None);
    }

    private static List<T> Drain<T>(EventSubscription<T> subscription) where T : class
    {
        var items = new List<T>();
        while (subscription.Reader.TryRead(out var item)) items.Add(item);
        return items;
    }
}
