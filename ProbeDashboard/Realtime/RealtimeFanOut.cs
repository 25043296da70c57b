using System.Collections.Immutable;
using Microsoft.Extensions.Options;

namespace ProbeDashboard.Realtime;

/// <summary>
/// Hands every message of a stream to the connections that follow its topic. One bus subscription per stream feeds
/// it (<see cref="Feeds.RealtimeFeed{TEvent}"/>); raw WebSocket sessions and SignalR connections attach here alike.
/// </summary>
public sealed class RealtimeFanOut(RealtimeStats stats, IOptions<RealtimeOptions> options)
{
    private readonly ImmutableArray<RealtimeSubscriber>[] _subscribers =
        RealtimeStreamInfo.All.Select(_ => ImmutableArray<RealtimeSubscriber>.Empty).ToArray();

    public RealtimeSubscriber Attach(RealtimeStream stream)
    {
        var subscriber = new RealtimeSubscriber(this, stats, stream, options.Value.QueueCapacity, options.Value.MaxTopicsPerConnection);
        ImmutableInterlocked.Update(ref _subscribers[(int)stream], list => list.Add(subscriber));
        stats.Joined(stream);
        return subscriber;
    }

    /// <summary>Never waits: each matching subscriber queues the message or drops it.</summary>
    public void Publish(RealtimePush push)
    {
        foreach (var subscriber in _subscribers[(int)push.Stream])
            subscriber.Offer(push);
    }

    internal void Remove(RealtimeSubscriber subscriber)
    {
        ImmutableInterlocked.Update(ref _subscribers[(int)subscriber.Stream], list => list.Remove(subscriber));
        stats.Left(subscriber.Stream);
    }
}
