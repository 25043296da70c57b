using System.Collections.Immutable;
using System.Threading.Channels;

namespace ProbeDashboard.Core.Events;

/// <summary>
/// In-process publish/subscribe after commit. Every subscriber owns a bounded queue: a slow one
/// loses (and counts) its own messages instead of slowing the writer or anyone else.
/// </summary>
public sealed class EventBus
{
    private ImmutableArray<ISubscriber> _subscribers = ImmutableArray<ISubscriber>.Empty;
    private long _dropped;

    public int SubscriberCount => _subscribers.Length;

    /// <summary>Messages dropped across all subscribers since start.</summary>
    public long DroppedTotal => Interlocked.Read(ref _dropped);

    /// <param name="includePeerEvents">
    /// Also receive events other cluster nodes committed (<see cref="PublishFromPeer"/>): for live views and in-memory
    /// copies. Off by default, because most subscribers act on what this node did (alerting, mail, round tracking),
    /// and acting on a peer's events as well would do that work twice cluster-wide.
    /// </param>
    public EventSubscription<T> Subscribe<T>(int capacity = 1024, bool includePeerEvents = false) where T : class
    {
        var subscription = new EventSubscription<T>(this, capacity, includePeerEvents);
        ImmutableInterlocked.Update(ref _subscribers, list => list.Add(subscription));
        return subscription;
    }

    /// <summary>
    /// Runs <paramref name="onPublished"/> inside <see cref="Publish"/>, on the publisher's thread, before Publish
    /// returns: for in-memory copies that must not be read stale once a change is announced (a queued subscriber
    /// may read later than the next batch does). It must be quick and must not throw or block.
    /// </summary>
    public IDisposable Observe<T>(Action<T> onPublished, bool includePeerEvents = false) where T : class
    {
        var observer = new EventObserver<T>(this, onPublished, includePeerEvents);
        ImmutableInterlocked.Update(ref _subscribers, list => list.Add(observer));
        return observer;
    }

    /// <summary>Never blocks: each subscriber either takes the event or drops it.</summary>
    public void Publish(object evt)
    {
        foreach (var subscriber in _subscribers)
            subscriber.Offer(evt);
    }

    /// <summary>
    /// An event another cluster node committed and sent over Redis: only subscribers that asked for peer events get it
    /// (which is also why it is never sent back to Redis: the bridge's own subscription is local only). Never blocks.
    /// </summary>
    public void PublishFromPeer(object evt)
    {
        foreach (var subscriber in _subscribers)
            if (subscriber.AcceptsPeerEvents)
                subscriber.Offer(evt);
    }

    internal void Remove(ISubscriber subscriber) =>
        ImmutableInterlocked.Update(ref _subscribers, list => list.Remove(subscriber));

    internal void CountDrop() => Interlocked.Increment(ref _dropped);

    internal interface ISubscriber
    {
        bool AcceptsPeerEvents { get; }

        /// <summary>Queues the event if it is of the subscribed type; drops it when the queue is full.</summary>
        void Offer(object evt);
    }
}

public sealed class EventSubscription<T> : EventBus.ISubscriber, IDisposable where T : class
{
    private readonly EventBus _bus;
    private readonly Channel<T> _channel;
    private long _dropped;

    internal EventSubscription(EventBus bus, int capacity, bool acceptsPeerEvents)
    {
        _bus = bus;
        AcceptsPeerEvents = acceptsPeerEvents;
        _channel = Channel.CreateBounded<T>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = false,
        });
    }

    public ChannelReader<T> Reader => _channel.Reader;

    public bool AcceptsPeerEvents { get; }

    /// <summary>Events this subscriber lost because its queue was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    void EventBus.ISubscriber.Offer(object evt)
    {
        if (evt is T typed && !_channel.Writer.TryWrite(typed))
        {
            Interlocked.Increment(ref _dropped);
            _bus.CountDrop();
        }
    }

    public void Dispose()
    {
        _bus.Remove(this);
        _channel.Writer.TryComplete();
    }
}

internal sealed class EventObserver<T>(EventBus bus, Action<T> onPublished, bool acceptsPeerEvents) : EventBus.ISubscriber, IDisposable where T : class
{
    public bool AcceptsPeerEvents => acceptsPeerEvents;

    void EventBus.ISubscriber.Offer(object evt)
    {
        if (evt is T typed) onPublished(typed);
    }

    public void Dispose() => bus.Remove(this);
}
