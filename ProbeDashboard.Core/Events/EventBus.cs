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

    public EventSubscription<T> Subscribe<T>(int capacity = 1024) where T : class
    {
        var subscription = new EventSubscription<T>(this, capacity);
        ImmutableInterlocked.Update(ref _subscribers, list => list.Add(subscription));
        return subscription;
    }

    /// <summary>
    /// Runs <paramref name="onPublished"/> inside <see cref="Publish"/>, on the publisher's thread, before Publish
    /// returns: for in-memory copies that must not be read stale once a change is announced (a queued subscriber
    /// may read later than the next batch does). It must be quick and must not throw or block.
    /// </summary>
    public IDisposable Observe<T>(Action<T> onPublished) where T : class
    {
        var observer = new EventObserver<T>(this, onPublished);
        ImmutableInterlocked.Update(ref _subscribers, list => list.Add(observer));
        return observer;
    }

    /// <summary>Never blocks: each subscriber either takes the event or drops it.</summary>
    public void Publish(object evt)
    {
        foreach (var subscriber in _subscribers)
            subscriber.Offer(evt);
    }

    internal void Remove(ISubscriber subscriber) =>
        ImmutableInterlocked.Update(ref _subscribers, list => list.Remove(subscriber));

    internal void CountDrop() => Interlocked.Increment(ref _dropped);

    internal interface ISubscriber
    {
        /// <summary>Queues the event if it is of the subscribed type; drops it when the queue is full.</summary>
        void Offer(object evt);
    }
}

public sealed class EventSubscription<T> : EventBus.ISubscriber, IDisposable where T : class
{
    private readonly EventBus _bus;
    private readonly Channel<T> _channel;
    private long _dropped;

    internal EventSubscription(EventBus bus, int capacity)
    {
        _bus = bus;
        _channel = Channel.CreateBounded<T>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = false,
        });
    }

    public ChannelReader<T> Reader => _channel.Reader;

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

internal sealed class EventObserver<T>(EventBus bus, Action<T> onPublished) : EventBus.ISubscriber, IDisposable where T : class
{
    void EventBus.ISubscriber.Offer(object evt)
    {
        if (evt is T typed) onPublished(typed);
    }

    public void Dispose() => bus.Remove(this);
}
