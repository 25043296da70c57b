using System.Collections.Concurrent;

namespace ProbeDashboard.Tests.Support;

/// <summary>A clock whose timers fire at once and remember how long they were asked to wait.</summary>
public sealed class InstantTimers : TimeProvider
{
    private readonly ConcurrentQueue<TimeSpan> _waits = new();

    public IReadOnlyList<TimeSpan> Waits => [.. _waits];

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        _waits.Enqueue(dueTime);
        return System.CreateTimer(callback, state, TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }
}
