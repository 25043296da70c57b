namespace ProbeDashboard.Realtime;

/// <summary>
/// Coalesces bursts of live events into at most one refresh per interval, so a page watching 1,000 monitors
/// re-queries and re-renders a few times per second instead of once per event. A page may also hold routine changes
/// (a new green heartbeat) for a longer <c>routineInterval</c>, while an urgent one (a monitor going down) cuts that
/// wait short: with 50 dashboards open, routine redraws are most of the server's dashboard work.
/// </summary>
public sealed class RenderThrottle(Func<Task> refreshAsync, TimeProvider time, ILogger logger, TimeSpan? interval = null, TimeSpan? routineInterval = null)
    : IDisposable
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(300);

    private readonly TimeSpan _interval = interval ?? DefaultInterval;
    private readonly TimeSpan _routineInterval = routineInterval ?? interval ?? DefaultInterval;
    private readonly CancellationTokenSource _stop = new();
    private int _pending;
    private int _urgent;
    private long _lastRefresh;
    /// <summary>Cancelled by an urgent request to end a routine wait early.</summary>
    private CancellationTokenSource? _hurry;

    /// <summary>Asks for a refresh within the short interval; returns at once. Requests while one is pending are merged into it.</summary>
    public void Request() => Request(urgent: true);

    /// <inheritdoc cref="Request()"/>
    /// <param name="urgent">False: the change may wait for the routine interval.</param>
    public void Request(bool urgent)
    {
        if (_stop.IsCancellationRequested) return;
        if (urgent)
        {
            Interlocked.Exchange(ref _urgent, 1);
            try { Volatile.Read(ref _hurry)?.Cancel(); }
            catch (ObjectDisposedException) { /* that wait has just ended by itself */ }
        }
        if (Interlocked.Exchange(ref _pending, 1) == 1) return;
        _ = RunAsync(_stop.Token);
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await HoldRoutineAsync(cancellationToken);
            var wait = _interval - time.GetElapsedTime(Interlocked.Read(ref _lastRefresh));
            if (wait > TimeSpan.Zero) await Task.Delay(wait, time, cancellationToken);
            // Cleared before refreshing: an event that arrives during the refresh schedules the next one.
            Interlocked.Exchange(ref _pending, 0);
            Interlocked.Exchange(ref _urgent, 0);
            Interlocked.Exchange(ref _lastRefresh, time.GetTimestamp());
            await refreshAsync();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (ObjectDisposedException)
        {
            // The component went away between the event and the refresh.
        }
        catch (Exception ex)
        {
            Interlocked.Exchange(ref _pending, 0);
            logger.LogWarning(ex, "A live refresh failed");
        }
    }

    /// <summary>Waits out the routine interval unless an urgent request came or comes meanwhile.</summary>
    private async Task HoldRoutineAsync(CancellationToken cancellationToken)
    {
        var wait = _routineInterval - time.GetElapsedTime(Interlocked.Read(ref _lastRefresh));
        if (wait <= TimeSpan.Zero || Volatile.Read(ref _urgent) == 1) return;
        using var hurry = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Volatile.Write(ref _hurry, hurry);
        try
        {
            // Read again after publishing the token: an urgent request in between would otherwise find nothing to cancel.
            if (Volatile.Read(ref _urgent) == 0) await Task.Delay(wait, time, hurry.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            Volatile.Write(ref _hurry, null);
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
    }
}
