namespace ProbeDashboard.Core.Observability;

/// <summary>Counts and sum of a histogram at one instant; <see cref="Cumulative"/>[i] counts values ≤ <see cref="Bounds"/>[i].</summary>
public sealed record HistogramSnapshot(IReadOnlyList<double> Bounds, IReadOnlyList<long> Cumulative, long Count, double Sum);

/// <summary>
/// A histogram over fixed upper bounds, in the shape Prometheus expects (cumulative buckets, a count and a sum).
/// Lock-free: the result writer records into it while /metrics reads it.
/// </summary>
public sealed class BucketHistogram
{
    private readonly double[] _bounds;
    private readonly long[] _counts;
    private long _count;
    private long _sumMicros;

    /// <param name="bounds">Upper bounds in ascending order; values above the last one count only in the total.</param>
    public BucketHistogram(params double[] bounds)
    {
        if (bounds.Length == 0 || bounds.Zip(bounds.Skip(1)).Any(p => p.First >= p.Second))
            throw new ArgumentException("bounds must be ascending and non-empty", nameof(bounds));
        _bounds = bounds;
        _counts = new long[bounds.Length];
    }

    public void Record(double value)
    {
        var bucket = Array.BinarySearch(_bounds, value);
        if (bucket < 0) bucket = ~bucket;
        if (bucket < _counts.Length) Interlocked.Increment(ref _counts[bucket]);
        Interlocked.Increment(ref _count);
        // The sum is kept in millionths so it can be added atomically; plenty for seconds and batch sizes.
        Interlocked.Add(ref _sumMicros, (long)Math.Round(value * 1_000_000));
    }

    public HistogramSnapshot Snapshot()
    {
        var cumulative = new long[_counts.Length];
        long running = 0;
        for (var i = 0; i < _counts.Length; i++) cumulative[i] = running += Interlocked.Read(ref _counts[i]);
        // Read the total after the buckets: a value recorded meanwhile can only make it larger, never smaller.
        return new HistogramSnapshot(_bounds, cumulative, Math.Max(running, Interlocked.Read(ref _count)),
            Interlocked.Read(ref _sumMicros) / 1_000_000d);
    }
}
