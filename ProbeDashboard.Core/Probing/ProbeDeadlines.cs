using System.Collections.Concurrent;

namespace ProbeDashboard.Core.Probing;

/// <summary>
/// Probe timeouts shared by the attempts that start close together. A timer of its own for every attempt took the
/// runtime's timer-queue lock twice per attempt (to arm it and to disarm it when the probe answered in a millisecond),
/// and at 1,000 rounds a second that lock was contended with the timer thread firing the queue. Here the attempts with
/// the same timeout that start within the same <see cref="Tick"/> share one token: it is cancelled at the tick's end plus
/// the timeout, so an attempt is cut off no sooner than its timeout and at most one tick later.
/// </summary>
public sealed class ProbeDeadlines(TimeProvider time)
{
    /// <summary>How far apart the shared deadlines are, and so how much later than its timeout an attempt may be cut off.</summary>
    public static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);

    private readonly ConcurrentDictionary<(long Tick, TimeSpan Timeout), CancellationTokenSource> _shared = new();

    /// <summary>A token cancelled between <paramref name="timeout"/> and <paramref name="timeout"/> + <see cref="Tick"/> from now.</summary>
    public CancellationToken After(TimeSpan timeout)
    {
        // The monotonic clock, so a wall-clock step never hands an attempt a deadline made for another instant.
        var now = time.GetTimestamp();
        var perTick = (long)(time.TimestampFrequency * Tick.TotalSeconds);
        var tick = now / perTick;
        // A deadline that has already fired (its tick ended longer ago than the timeout: this thread was held up
        // between reading the clock and here) is not handed out; the attempt gets a deadline of its own instead.
        if (_shared.TryGetValue((tick, timeout), out var shared) && !shared.IsCancellationRequested) return shared.Token;
        var untilTickEnd = TimeSpan.FromSeconds((double)((tick + 1) * perTick - now) / time.TimestampFrequency);
        var created = new CancellationTokenSource(untilTickEnd + timeout, time);
        shared = _shared.GetOrAdd((tick, timeout), created);
        if (shared != created)
        {
            if (shared.IsCancellationRequested) return created.Token;
            created.Dispose(); // another attempt of the same tick got there first
            return shared.Token;
        }
        // Forgotten once it fires; attempts still holding its token keep it alive until they end.
        created.Token.UnsafeRegister(static state =>
        {
            var (map, key) = ((ConcurrentDictionary<(long, TimeSpan), CancellationTokenSource>, (long, TimeSpan)))state!;
            map.TryRemove(key, out _);
        }, (_shared, (tick, timeout)));
        return created.Token;
    }
}
