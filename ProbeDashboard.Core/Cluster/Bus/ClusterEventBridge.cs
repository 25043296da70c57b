using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Prometheus;
using ProbeDashboard.Core.Events;
using StackExchange.Redis;

namespace ProbeDashboard.Core.Cluster.Bus;

/// <summary>
/// Joins the nodes' in-process event buses over Redis pub/sub, in a cluster only. Outgoing: an observer of this node's
/// own events (never of peer events, so nothing received is sent back) puts the types that <see cref="PeerEvents.Crosses"/>
/// on a bounded queue; one loop sends whatever has queued as one message. The writer never waits: a full queue or a
/// lost Redis drops (and counts) events, pausing only cross-node live updates. Incoming: each message from another
/// node is re-published here through <see cref="EventBus.PublishFromPeer"/>, in the order it was sent.
/// Without a cluster it does nothing at all: no observer, so publishing costs what it did.
/// </summary>
public sealed partial class ClusterEventBridge(
    EventBus bus, ClusterRedis redis, ClusterMembership membership, CollectorRegistry registry, ILogger<ClusterEventBridge> logger)
    : IHostedService, IDisposable
{
    /// <summary>Bursts of committed batches fit; a Redis that cannot keep up for longer loses the overflow.</summary>
    public const int QueueCapacity = 4096;

    /// <summary>Events per Redis message at most, so one message stays small enough not to hold up the others.</summary>
    public const int MaxEventsPerMessage = 64;

    private readonly Channel<object> _outgoing = Channel.CreateBounded<object>(new BoundedChannelOptions(QueueCapacity)
    {
        FullMode = BoundedChannelFullMode.Wait,   // TryWrite then fails at once instead of waiting: the drop is counted
        SingleReader = true,
    });
    private readonly CancellationTokenSource _stop = new();
    private ClusterBusMetrics? _metrics;
    private IDisposable? _observer;
    private ChannelMessageQueue? _incoming;
    private Task _sender = Task.CompletedTask;
    private int _redisDown;

    /// <summary>The one channel of this deployment's events.</summary>
    public RedisChannel EventsChannel => RedisChannel.Literal(membership.Options.ChannelPrefix + ":events");

    /// <summary>True once started in a cluster: this node sends and receives peer events.</summary>
    public bool Active => _observer is not null;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!membership.Enabled || redis.Connection is not { } connection) return;
        _metrics = new ClusterBusMetrics(registry);
        redis.ConnectedChanged += OnConnectedChanged;
        // Subscribed before the observer: from the moment this node sends, it also hears its peers.
        _incoming = await connection.GetSubscriber().SubscribeAsync(EventsChannel);
        _incoming.OnMessage(Receive);
        _observer = bus.Observe<object>(Offer);
        _sender = SendAsync(connection.GetSubscriber(), _stop.Token);
    }

    /// <summary>On the publisher's thread: a type test and a non-blocking enqueue.</summary>
    private void Offer(object evt)
    {
        if (PeerEvents.Crosses(evt) && !_outgoing.Writer.TryWrite(evt))
            _metrics!.Dropped.WithLabels("queue_full").Inc();
    }

    private async Task SendAsync(ISubscriber subscriber, CancellationToken stoppingToken)
    {
        var batch = new List<PeerEvent>(MaxEventsPerMessage);
        try
        {
            while (await _outgoing.Reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                while (batch.Count < MaxEventsPerMessage && _outgoing.Reader.TryRead(out var evt)) batch.Add(PeerEvents.Wrap(evt));
                if (!redis.IsConnected)
                {
                    // Sent after the reconnect they would be stale; the peers read the database when Redis is back.
                    _metrics!.Dropped.WithLabels("redis_down").Inc(batch.Count);
                    continue;
                }
                try
                {
                    var payload = JsonSerializer.SerializeToUtf8Bytes(new PeerBatch(membership.SelfId, batch), PeerJson.Default.PeerBatch);
                    await subscriber.PublishAsync(EventsChannel, payload);
                    _metrics!.Sent.Inc(batch.Count);
                    _metrics.Messages.Inc();
                }
                catch (Exception e) when (e is RedisException or TimeoutException)
                {
                    _metrics!.Dropped.WithLabels("publish_failed").Inc(batch.Count);
                    LogPublishFailed(logger, batch.Count, e.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void Receive(ChannelMessage message)
    {
        PeerBatch? batch;
        try
        {
            batch = JsonSerializer.Deserialize((byte[])message.Message!, PeerJson.Default.PeerBatch);
        }
        catch (JsonException e)
        {
            LogUnreadable(logger, e.Message);
            return;
        }
        if (batch is null || batch.Node == membership.SelfId) return;
        try
        {
            foreach (var entry in batch.Events)
                if (PeerEvents.Unwrap(entry) is { } evt)
                    bus.PublishFromPeer(evt);
        }
        catch (Exception e)
        {
            // An observer broke its promise not to throw; the queue must go on with the next message.
            LogUnreadable(logger, e.Message);
        }
        _metrics!.Received.Inc(batch.Events.Count);
    }

    private void OnConnectedChanged(bool connected)
    {
        // Raised once per Redis connection (commands and subscriptions): log the change once.
        if (Interlocked.Exchange(ref _redisDown, connected ? 0 : 1) == (connected ? 0 : 1)) return;
        if (connected) LogRestored(logger);
        else LogLost(logger, redis.LastFailure ?? "connection lost");
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (!Active) return;   // nothing was started (no cluster); the host may stop us after disposing us
        _observer?.Dispose();
        _outgoing.Writer.TryComplete();
        await _stop.CancelAsync();
        await _sender;
        try
        {
            if (_incoming is not null) await _incoming.UnsubscribeAsync();
        }
        catch (Exception e) when (e is RedisException or ObjectDisposedException)
        {
            // Redis is gone or the connection already closed: the subscription went with it.
        }
        redis.ConnectedChanged -= OnConnectedChanged;
    }

    // The token source is left undisposed on purpose: it has no timer, and a host may call StopAsync after Dispose.
    public void Dispose() => _observer?.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis lost ({Reason}): probing and writing go on; live updates from and to other nodes pause until it is back")]
    private static partial void LogLost(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis is back: live updates from and to other nodes resume")]
    private static partial void LogRestored(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send {Count} events to the other nodes: {Reason}")]
    private static partial void LogPublishFailed(ILogger logger, int count, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored an unreadable message from another node: {Reason}")]
    private static partial void LogUnreadable(ILogger logger, string reason);
}
