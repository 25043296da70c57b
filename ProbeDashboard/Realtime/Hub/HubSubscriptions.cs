using Microsoft.AspNetCore.SignalR;

namespace ProbeDashboard.Realtime.Hub;

/// <summary>
/// The fan-out subscribers of SignalR connections, at most one per connection and stream, each drained by its own
/// send loop. Hub instances live for one call only, so the state sits here, keyed by connection id.
/// </summary>
public sealed partial class HubSubscriptions(
    RealtimeFanOut fanOut, IHubContext<MonitoringHub> hub, IHostApplicationLifetime lifetime, ILogger<HubSubscriptions> logger)
{
    private readonly Dictionary<(string ConnectionId, RealtimeStream Stream), RealtimeSubscriber> _subscribers = new();
    private readonly Lock _lock = new();

    public void Subscribe(string connectionId, RealtimeStream stream, IReadOnlyList<string> topics)
    {
        RealtimeSubscriber subscriber;
        lock (_lock)
        {
            if (!_subscribers.TryGetValue((connectionId, stream), out subscriber!))
            {
                subscriber = fanOut.Attach(stream);
                _subscribers[(connectionId, stream)] = subscriber;
                _ = PumpAsync(connectionId, subscriber);
            }
        }
        if (!subscriber.TrySubscribe(topics))
            throw new HubException("too many subscriptions: one connection follows at most the configured maximum");
    }

    public void Unsubscribe(string connectionId, RealtimeStream stream, IReadOnlyList<string> topics)
    {
        lock (_lock)
        {
            if (_subscribers.TryGetValue((connectionId, stream), out var subscriber))
                subscriber.Unsubscribe(topics);
        }
    }

    /// <summary>Detaches every stream of a closed connection, so its queues are freed and counts drop.</summary>
    public void Forget(string connectionId)
    {
        lock (_lock)
        {
            foreach (var stream in RealtimeStreamInfo.All)
                if (_subscribers.Remove((connectionId, stream.Stream), out var subscriber))
                    subscriber.Dispose();
        }
    }

    private async Task PumpAsync(string connectionId, RealtimeSubscriber subscriber)
    {
        // Off the hub call's thread: the loop lives as long as the connection follows the stream.
        await Task.Yield();
        var client = hub.Clients.Client(connectionId);
        try
        {
            // Waits while this client's transport is full; meanwhile its queue overflows and drops are counted.
            await foreach (var push in subscriber.Reader.ReadAllAsync(lifetime.ApplicationStopping))
                await client.SendAsync(push.Type, push.Message, lifetime.ApplicationStopping);
        }
        catch (Exception ex)
        {
            LogPumpEnded(connectionId, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "SignalR connection {ConnectionId} stopped receiving: {Reason}")]
    private partial void LogPumpEnded(string connectionId, string reason);
}
