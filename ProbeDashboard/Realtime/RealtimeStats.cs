namespace ProbeDashboard.Realtime;

/// <summary>Counters of one stream at one instant.</summary>
public sealed record RealtimeStreamStats(RealtimeStream Stream, int Subscribers, long Queued, long Dropped);

/// <summary>
/// Live counters of the realtime feeds, for the metrics endpoint and tests: connections attached per stream
/// (raw WebSocket and SignalR alike), messages queued for them, and messages dropped because a client's queue was full.
/// </summary>
public sealed class RealtimeStats
{
    private readonly int[] _subscribers = new int[RealtimeStreamInfo.All.Count];
    private readonly long[] _queued = new long[RealtimeStreamInfo.All.Count];
    private readonly long[] _dropped = new long[RealtimeStreamInfo.All.Count];

    public int Subscribers(RealtimeStream stream) => Volatile.Read(ref _subscribers[(int)stream]);

    public long Queued(RealtimeStream stream) => Interlocked.Read(ref _queued[(int)stream]);

    public long Dropped(RealtimeStream stream) => Interlocked.Read(ref _dropped[(int)stream]);

    public IReadOnlyList<RealtimeStreamStats> Snapshot() =>
        RealtimeStreamInfo.All.Select(s => new RealtimeStreamStats(s.Stream, Subscribers(s.Stream), Queued(s.Stream), Dropped(s.Stream)))
            .ToList();

    internal void Joined(RealtimeStream stream) => Interlocked.Increment(ref _subscribers[(int)stream]);

    internal void Left(RealtimeStream stream) => Interlocked.Decrement(ref _subscribers[(int)stream]);

    internal void CountQueued(RealtimeStream stream) => Interlocked.Increment(ref _queued[(int)stream]);

    internal void CountDropped(RealtimeStream stream) => Interlocked.Increment(ref _dropped[(int)stream]);
}
