namespace ProbeDashboard.Realtime;

/// <summary>
/// Coalesces bursts of live events into at most one refresh per interval, so a page watching 1,000 monitors
/// re-queries and re-renders a few times per second instead of once per event.
/// </summary>
public sealed class RenderThrottle(Func<Task> refreshAsync, TimeProvider time, ILogger logger, TimeSpan? interval = null) : IDisposable
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(300);

    private readonly TimeSpan _interval = interval ?? DefaultInterval;
    private readonly CancellationTokenSource _stop = new();
    private int _pending;
    private long _lastRefresh;

    /// <summary>Asks for a refresh; returns at once. Requests while one is pending are merged into it.</summary>
    public void Request()
    {
        if (_stop.IsCancellationRequested || Interlocked.Exchange(ref _pending, 1) == 1) return;
        _ = RunAsync(_stop.Token);
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            var wait = _interval - time.GetElapsedTime(Interlocked.Read(ref _lastRefresh));
            if (wait > TimeSpan.Zero) await Task.Delay(wait, time, cancellationToken);
            // Cleared before refreshing: an event that arrives during the refresh schedules the next one.
            Interlocked.Exchange(ref _pending, 0);
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

    public void Dispose()
    {
        _stop.Cancel();
    }
}
