using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using ProbeDashboard.Core.Events;
using ProbeDashboard.Core.Resilience;

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
    ResultWriterMetrics metrics,
    IOptions<ResultWriterOptions> options,
    TimeProvider time,
    ILogger<ResultWriterService> logger) : BackgroundService
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(10);
    private const int ShutdownAttempts = 3;
    private int _failingAttempts;

    /// <summary>A failed transaction left nothing behind (it rolled back): retrying it is always safe.</summary>
    private static bool IsRetryable(Exception e) => e is not OperationCanceledException;

    /// <summary>Results stored (or skipped because their monitor was deleted) since start.</summary>
    public long Committed => (long)metrics.Committed.Value;

    /// <summary>True while the current batch keeps failing to commit (the writer is retrying with backoff).</summary>
    public bool IsFailing => Volatile.Read(ref _failingAttempts) > 0;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<PendingResult>(options.Value.MaxBatchSize);
        // Every round reuses this one list, so the retry log always names the current batch's size.
        var untilCommitted = RetryPipelines.UntilSuccess(FirstRetryDelay, MaxRetryDelay, time, IsRetryable,
            (e, attempt) => CommitFailed(e, batch.Count, attempt));
        try
        {
            while (await writer.Reader.WaitToReadAsync(stoppingToken))
            {
                await FillAsync(batch, stoppingToken);
                await CommitAsync(batch, untilCommitted, stoppingToken);
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

    private async Task DrainAsync(List<PendingResult> batch)
    {
        writer.Complete();
        while (writer.Reader.TryRead(out var item)) batch.Add(item);
        foreach (var chunk in batch.Chunk(options.Value.MaxBatchSize))
        {
            var beforeShutdown = RetryPipelines.Immediately(ShutdownAttempts, IsRetryable, (e, attempt) => CommitFailed(e, chunk.Length, attempt));
            try
            {
                await CommitAsync(chunk, beforeShutdown, CancellationToken.None);
            }
            catch (Exception e) when (IsRetryable(e))
            {
                CommitFailed(e, chunk.Length, ShutdownAttempts);
                LogLostOnShutdown(logger, chunk.Length);
                var error = new InvalidOperationException("the result writer stopped before these results could be stored");
                foreach (var item in chunk) item.Completion?.Failed(error);
            }
        }
    }

    private void CommitFailed(Exception error, int resultCount, int attempt)
    {
        Volatile.Write(ref _failingAttempts, attempt);
        LogCommitFailed(logger, error, resultCount, attempt);
    }

    /// <summary>
    /// Stores one batch in one transaction, retried by <paramref name="retry"/>, then tells the waiting submitters
    /// and the event bus. <paramref name="stoppingToken"/> cancels only the waits between attempts: a transaction
    /// cut short by shutdown would only be redone.
    /// </summary>
    private async Task CommitAsync(IReadOnlyList<PendingResult> batch, ResiliencePipeline retry, CancellationToken stoppingToken)
    {
        if (batch.Count == 0) return;
        var stored = await retry.ExecuteAsync(async _ => await StoreAsync(batch), stoppingToken);

        metrics.BatchSize.Observe(batch.Count);
        Volatile.Write(ref _failingAttempts, 0);
        metrics.Committed.Inc(batch.Count);
        foreach (var item in batch) item.Completion?.Committed();
        if (stored.Results.Count > 0) events.Publish(new ProbeResultsCommitted(stored.Results, stored.Rounds));
        foreach (var change in stored.StatusChanges)
        {
            LogStatusChanged(logger, change.MonitorId, change.Status);
            events.Publish(change);
        }
        if (stored.SkippedForDeletedMonitors > 0) LogSkipped(logger, stored.SkippedForDeletedMonitors);
    }

    /// <summary>One attempt: the transaction alone, so a retry never repeats what follows a commit.</summary>
    private async Task<StoredBatch> StoreAsync(IReadOnlyList<PendingResult> batch)
    {
        var started = time.GetTimestamp();
        var stored = await store.StoreAsync(batch.Select(p => p.Result).ToList(), CancellationToken.None);
        metrics.CommitSeconds.Observe(time.GetElapsedTime(started).TotalSeconds);
        return stored;
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
