using Prometheus;

namespace ProbeDashboard.Core.Results;

/// <summary>The result writer's instruments, exported at /metrics; <see cref="ResultWriter"/> and <see cref="ResultWriterService"/> record into them.</summary>
public sealed class ResultWriterMetrics
{
    private readonly CollectorRegistry _registry;

    public ResultWriterMetrics(CollectorRegistry registry)
    {
        _registry = registry;
        var metrics = Metrics.WithCustomRegistry(registry);
        QueueDepth = metrics.CreateGauge("probedashboard_result_queue_depth", "Probe results waiting for the database writer.");
        Committed = metrics.CreateCounter("probedashboard_results_committed_total", "Probe results stored by the writer.");
        BatchSize = metrics.CreateHistogram("probedashboard_writer_batch_size", "Probe results per database transaction.",
            new HistogramConfiguration { Buckets = [1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000] });
        CommitSeconds = metrics.CreateHistogram("probedashboard_writer_commit_seconds", "Time to store and commit one batch of results.",
            new HistogramConfiguration { Buckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
    }

    public Gauge QueueDepth { get; }

    /// <summary>Results stored (or skipped because their monitor was deleted).</summary>
    public Counter Committed { get; }

    public Histogram BatchSize { get; }

    /// <summary>Seconds each batch took to store and commit (an fsync included).</summary>
    public Histogram CommitSeconds { get; }

    /// <summary>
    /// Sets the queue depth from <paramref name="depth"/> at each scrape: the queue's own count is the truth, which
    /// a gauge moved at every enqueue and dequeue could only approximate.
    /// </summary>
    public void ObserveQueueDepth(Func<int> depth) => _registry.AddBeforeCollectCallback(() => QueueDepth.Set(depth()));
}
