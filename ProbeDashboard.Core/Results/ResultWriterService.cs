using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProbeDashboard.Core.Events;
using ProbeDashboard.Core.Observability;

namespace ProbeDashboard.Core.Results;

/// <summary>
/// The single writer: drains <see cref="ResultWriter"/>'s queue in batches (up to MaxBatchSize, or whatever
/// arrived within BatchLingerMs), stores each batch in one transaction and publishes
/// <see cref="ProbeResultsCommitted"/> and <see cref="MonitorStatusChanged"/> after the commit. A failed
/// transaction is retried with backoff, never dropped; on shutdown the queue is drained before it stops.
/// </summary>
public sealed partial class ResultWriterService(
    ResultWriter writer,
    ResultBatchStore store,
    EventBus events,
    IOptions<ResultWriterOptions> options,
    TimeProvider time,
    ILogger<ResultWriterService> logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(10);
    private const int ShutdownAttempts = 3;
    private long _committed;
    private int _failingAttempts;

    /// <summary>Results stored (or skipped because their monitor was deleted) since start.</summary>
    public long Committed => Interlocked.Read(ref _committed);

    /// <summary>Results per committed transaction.</summary>
    public BucketHistogram BatchSizes { get; } = new(1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000);

    /// <summary>Seconds each batch took to store and commit (an fsync included).</summary>
    public BucketHistogram CommitSeconds { get; } = new(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10);

    /// <summary>True while the current batch keeps failing to commit (the writer is retrying with backoff).</summary>
    public bool IsFailing => Volatile.Read(ref _failingAttempts) > 0;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<PendingResult>(options.Value.MaxBatchSize);
        try
        {
            while (await writer.Reader.WaitToReadAsync(stoppingToken))
            {
                await FillAsync(batch, stoppingToken);
                await CommitWithRetryAsync(batch, stoppingToken);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: whatever was taken from the queue or is still in it gets stored below.
        }
        await DrainAsync(batch);
    }

    private async Task FillAsync(List<PendingResult> batch, CancellationToken stoppingToken)
    {
        var max = options.Value.MaxBatchSize;
        while (batch.Count < max && writer.Reader.TryRead(out var item)) batch.Add(item);
        if (batch.Count >= max || options.Value.BatchLingerMs == 0) return;
        await Task.Delay(TimeSpan.FromMilliseconds(options.Value.BatchLingerMs), time, stoppingToken);
        while (batch.Count < max && writer.Reader.TryRead(out var item)) batch.Add(item);
    }

    private async Task CommitWithRetryAsync(List<PendingResult> batch, CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.FromMilliseconds(100);
        for (var attempt = 1; ; attempt++)
        {
            // The commit itself is not cancelled by shutdown: a half-done batch would only be redone.
            if (await TryCommitAsync(batch, attempt, CancellationToken.None)) return;
            await Task.Delay(backoff, time, stoppingToken);
            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
        }
    }

    private async Task DrainAsync(List<PendingResult> batch)
    {
        writer.Complete();
        while (writer.Reader.TryRead(out var item)) batch.Add(item);
        foreach (var chunk in batch.Chunk(options.Value.MaxBatchSize))
        {
            var stored = false;
            for (var attempt = 1; attempt <= ShutdownAttempts && !stored; attempt++)
                stored = await TryCommitAsync(chunk, attempt, CancellationToken.None);
            if (stored) continue;
            LogLostOnShutdown(logger, chunk.Length);
            var error = new InvalidOperationException("the result writer stopped before these results could be stored");
            foreach (var item in chunk) item.Completion?.Failed(error);
        }
    }

    private async Task<bool> TryCommitAsync(IReadOnlyList<PendingResult> batch, int attempt, CancellationToken cancellationToken)
    {
        if (batch.Count == 0) return true;
        StoredBatch stored;
        var started = time.GetTimestamp();
        try
        {
            stored = await store.StoreAsync(batch.Select(p => p.Result).ToList(), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Volatile.Write(ref _failingAttempts, attempt);
            LogCommitFailed(logger, e, batch.Count, attempt);
            return false;
        }

        CommitSeconds.Record(time.GetElapsedTime(started).TotalSeconds);
        BatchSizes.Record(batch.Count);
        Volatile.Write(ref _failingAttempts, 0);
        Interlocked.Add(ref _committed, batch.Count);
        foreach (var item in batch) item.Completion?.Committed();
        if (stored.Results.Count > 0) events.Publish(new ProbeResultsCommitted(stored.Results, stored.Rounds));
        foreach (var change in stored.StatusChanges)
        {
            LogStatusChanged(logger, change.MonitorId, change.Status);
            events.Publish(change);
        }
        if (stored.SkippedForDeletedMonitors > 0) LogSkipped(logger, stored.SkippedForDeletedMonitors);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Storing a batch of {ResultCount} probe results failed (attempt {Attempt}); retrying")]
    private static partial void LogCommitFailed(ILogger logger, Exception error, int resultCount, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "{ResultCount} probe results could not be stored before shutdown")]
    private static partial void LogLostOnShutdown(ILogger logger, int resultCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Monitor {MonitorId} is {Status}")]
    private static partial void LogStatusChanged(ILogger logger, int monitorId, Monitors.MonitorStatus status);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Skipped {ResultCount} results of deleted monitors")]
    private static partial void LogSkipped(ILogger logger, int resultCount);
}
