using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace ProbeDashboard.Core.Results;

/// <summary>
/// The only way results enter the database: a bounded queue in front of the single writer
/// (<see cref="ResultWriterService"/>), which stores them in batches, one transaction each.
/// </summary>
public sealed class ResultWriter
{
    private readonly Channel<PendingResult> _queue;
    private readonly int _capacity;
    private long _accepted;

    public ResultWriter(IOptions<ResultWriterOptions> options, ResultWriterMetrics metrics)
    {
        _capacity = options.Value.QueueCapacity;
        _queue = Channel.CreateBounded<PendingResult>(new BoundedChannelOptions(options.Value.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
        metrics.ObserveQueueDepth(() => QueueDepth);
    }

    /// <summary>Results accepted into the queue since start.</summary>
    public long Accepted => Interlocked.Read(ref _accepted);

    /// <summary>Results waiting for the writer right now.</summary>
    public int QueueDepth => _queue.Reader.Count;

    /// <summary>
    /// True when the queue is at least 90 % full: producers are about to wait, so the server is not keeping up
    /// (the database is slow or locked). /readyz reports it.
    /// </summary>
    public bool IsBackedUp => QueueDepth * 10L >= _capacity * 9L;

    internal ChannelReader<PendingResult> Reader => _queue.Reader;

    /// <summary>Queues a result and returns; waits only while the queue is full.</summary>
    public async ValueTask EnqueueAsync(ProbeResult result, CancellationToken cancellationToken)
    {
        await _queue.Writer.WriteAsync(new PendingResult(result, null), cancellationToken);
        Interlocked.Increment(ref _accepted);
    }

    /// <summary>
    /// Queues results and completes only after the transaction that stores the last of them has committed,
    /// so a caller (an agent upload) can acknowledge them safely.
    /// </summary>
    public async Task SubmitAsync(IReadOnlyList<ProbeResult> results, CancellationToken cancellationToken)
    {
        if (results.Count == 0) return;
        var completion = new SubmitCompletion(results.Count);
        foreach (var result in results)
        {
            await _queue.Writer.WriteAsync(new PendingResult(result, completion), cancellationToken);
            Interlocked.Increment(ref _accepted);
        }
        await completion.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Stops accepting results; the writer drains what is queued and ends.</summary>
    internal void Complete() => _queue.Writer.TryComplete();
}

internal sealed record PendingResult(ProbeResult Result, SubmitCompletion? Completion);

/// <summary>Completes when every result of one <see cref="ResultWriter.SubmitAsync"/> call is committed.</summary>
internal sealed class SubmitCompletion(int count)
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _remaining = count;

    public Task Task => _done.Task;

    public void Committed()
    {
        if (Interlocked.Decrement(ref _remaining) == 0) _done.TrySetResult();
    }

    public void Failed(Exception error) => _done.TrySetException(error);
}
