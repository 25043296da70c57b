using System.Collections.Immutable;
using System.Threading.Channels;

namespace ProbeDashboard.Realtime;

/// <summary>
/// One connection's interest in one stream: the topics it follows and its own bounded queue of messages to send.
/// The fan-out only ever tries to queue, so a client that reads slowly loses (and counts) its own messages and
/// never holds up the feed or other clients.
/// </summary>
public sealed class RealtimeSubscriber : IDisposable
{
    private readonly RealtimeFanOut _fanOut;
    private readonly RealtimeStats _stats;
    private readonly Channel<RealtimePush> _queue;
    private readonly int _maxTopics;
    private readonly Lock _topicsWrite = new();
    // Replaced as a whole on every change, so the fan-out reads it without taking a lock.
    private ImmutableHashSet<string> _topics = ImmutableHashSet<string>.Empty;
    private long _dropped;

    internal RealtimeSubscriber(RealtimeFanOut fanOut, RealtimeStats stats, RealtimeStream stream, int capacity, int maxTopics)
    {
        _fanOut = fanOut;
        _stats = stats;
        _maxTopics = maxTopics;
        Stream = stream;
        _queue = Channel.CreateBounded<RealtimePush>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = false,
        });
    }

    public RealtimeStream Stream { get; }

    public ChannelReader<RealtimePush> Reader => _queue.Reader;

    /// <summary>Messages this connection lost because its queue was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public IReadOnlySet<string> Topics => _topics;

    /// <returns>False, changing nothing, when the connection would follow more topics than allowed.</returns>
    public bool TrySubscribe(IEnumerable<string> topics)
    {
        lock (_topicsWrite)
        {
            var next = _topics.Union(topics);
            if (next.Count > _maxTopics) return false;
            _topics = next;
            return true;
        }
    }

    public void Unsubscribe(IEnumerable<string> topics)
    {
        lock (_topicsWrite) _topics = _topics.Except(topics);
    }

    internal void Offer(RealtimePush push)
    {
        if (!_topics.Contains(push.Topic)) return;
        if (_queue.Writer.TryWrite(push))
        {
            _stats.CountQueued(Stream);
            return;
        }
        Interlocked.Increment(ref _dropped);
        _stats.CountDropped(Stream);
    }

    /// <summary>Leaves the fan-out and ends the queue; a reader finishes what is already queued.</summary>
    public void Dispose()
    {
        if (_queue.Writer.TryComplete()) _fanOut.Remove(this);
    }
}
