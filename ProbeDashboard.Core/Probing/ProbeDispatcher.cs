using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Results;

namespace ProbeDashboard.Core.Probing;

/// <summary>
/// Takes a probe round off the scheduler's thread and runs it asynchronously, at most
/// <see cref="ProbingOptions.MaxConcurrentProbes"/> at a time, then queues the result for the writer.
/// A scheduler job therefore returns in microseconds however slow the target is, and a few scheduler threads
/// keep up with hundreds of fires per second. A round still running when the next one is due is skipped
/// (counted), so a slow monitor never piles up rounds.
/// </summary>
public sealed partial class ProbeDispatcher(
    ProbeRunner runner,
    ResultWriter writer,
    ProbingMetrics metrics,
    IOptions<ProbingOptions> options,
    TimeProvider time,
    ILogger<ProbeDispatcher> logger) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(options.Value.MaxConcurrentProbes);
    private readonly ConcurrentDictionary<(int MonitorId, int HostId), byte> _inFlight = new();
    private readonly CancellationTokenSource _stopping = new();
    private long _started;

    /// <summary>
    /// Start lateness (actual probe start minus scheduled fire time) at 1 ms resolution with the exact maximum,
    /// for the benchmark's percentiles; /metrics gets the same values in <see cref="ProbingMetrics.StartLateness"/>.
    /// </summary>
    public LatenessHistogram Lateness { get; } = new();

    public long Started => Interlocked.Read(ref _started);
    /// <summary>Rounds not started because the previous round of the same monitor and host was still running.</summary>
    public long SkippedOverlapping => (long)metrics.SkippedOverlapping.Value;
    public int InFlight => _inFlight.Count;

    /// <returns>False when the previous round of this (monitor, host) is still running.</returns>
    public bool Dispatch(MonitorDefinition monitor, int hostId, DateTimeOffset scheduledAt)
    {
        if (_stopping.IsCancellationRequested) return false;
        if (!_inFlight.TryAdd((monitor.Id, hostId), 0))
        {
            metrics.SkippedOverlapping.Inc();
            LogSkipped(logger, monitor.Id, hostId);
            return false;
        }
        metrics.InFlight.Inc();
        _ = RunAsync(monitor, hostId, scheduledAt);
        return true;
    }

    private async Task RunAsync(MonitorDefinition monitor, int hostId, DateTimeOffset scheduledAt)
    {
        // Leave the caller's (scheduler) thread before doing anything else.
        await Task.Yield();
        var stopping = _stopping.Token;
        try
        {
            await _slots.WaitAsync(stopping);
            try
            {
                var lateness = time.GetUtcNow() - scheduledAt;
                Lateness.Record(lateness);
                metrics.StartLateness.Observe(Math.Max(0, lateness.TotalSeconds));
                Interlocked.Increment(ref _started);
                var result = await runner.RunAsync(monitor, hostId, stopping);
                metrics.RoundCompleted(monitor.Kind, result.Success);
                await writer.EnqueueAsync(result, stopping);
            }
            finally
            {
                _slots.Release();
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down; this round has no result.
        }
        catch (Exception e)
        {
            LogRoundFailed(logger, e, monitor.Id, hostId);
        }
        finally
        {
            _inFlight.TryRemove((monitor.Id, hostId), out _);
            metrics.InFlight.Dec();
        }
    }

    /// <summary>Waits until no round is running (or <paramref name="cancellationToken"/> fires).</summary>
    public async Task WaitIdleAsync(CancellationToken cancellationToken)
    {
        while (!_inFlight.IsEmpty)
            await Task.Delay(TimeSpan.FromMilliseconds(20), time, cancellationToken);
    }

    /// <summary>Stops accepting rounds, lets running ones finish for up to <paramref name="grace"/>, then cancels them.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        using var wait = new CancellationTokenSource(grace, time);
        try { await WaitIdleAsync(wait.Token); }
        catch (OperationCanceledException) { }
        await _stopping.CancelAsync();
    }

    /// <summary>Cancels running rounds. The token source and semaphore are left to the GC on purpose: a host may
    /// still call <see cref="StopAsync"/> after the container disposed this singleton.</summary>
    public void Dispose() => _stopping.Cancel();

    [LoggerMessage(Level = LogLevel.Debug, Message = "Skipped a round of monitor {MonitorId} on host {HostId}: the previous one is still running")]
    private static partial void LogSkipped(ILogger logger, int monitorId, int hostId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Probe round of monitor {MonitorId} on host {HostId} failed unexpectedly")]
    private static partial void LogRoundFailed(ILogger logger, Exception error, int monitorId, int hostId);
}
