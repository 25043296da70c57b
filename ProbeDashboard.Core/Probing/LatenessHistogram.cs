namespace ProbeDashboard.Core.Probing;

/// <summary>
/// How late probes start after their scheduled fire time, in 1 ms buckets up to 10 s (later starts share the
/// last bucket; the exact maximum is kept separately), for the benchmark's percentiles: a Prometheus histogram
/// (<see cref="ProbingMetrics.StartLateness"/>) has too few buckets for a p99 in milliseconds. Lock-free: probes
/// record from many threads.
/// </summary>
public sealed class LatenessHistogram
{
    private const int Buckets = 10_001;
    private long[] _counts = new long[Buckets];
    private long _maxTicks;

    public long Count => _counts.Sum();

    public TimeSpan Max => TimeSpan.FromTicks(Interlocked.Read(ref _maxTicks));

    public void Record(TimeSpan lateness)
    {
        if (lateness < TimeSpan.Zero) lateness = TimeSpan.Zero;
        Interlocked.Increment(ref _counts[(int)Math.Min(lateness.TotalMilliseconds, Buckets - 1)]);
        long seen;
        while (lateness.Ticks > (seen = Interlocked.Read(ref _maxTicks)) &&
               Interlocked.CompareExchange(ref _maxTicks, lateness.Ticks, seen) != seen)
        {
        }
    }

    /// <param name="fraction">0.5 for the median, 0.99 for p99.</param>
    /// <returns>The upper edge of the bucket holding that fraction of starts; zero when nothing was recorded.</returns>
    public TimeSpan Percentile(double fraction)
    {
        var counts = _counts.ToArray();
        var total = counts.Sum();
        if (total == 0) return TimeSpan.Zero;
        var rank = (long)Math.Ceiling(fraction * total);
        long seen = 0;
        for (var ms = 0; ms < Buckets; ms++)
        {
            seen += counts[ms];
            if (seen >= rank && ms == Buckets - 1) return Max;
            if (seen >= rank) return TimeSpan.FromMilliseconds(Math.Min(ms + 1, Max.TotalMilliseconds));
        }
        return Max;
    }

    /// <summary>Starts a new measurement window (the benchmark drops its warm-up this way).</summary>
    public void Reset()
    {
        Interlocked.Exchange(ref _counts, new long[Buckets]);
        Interlocked.Exchange(ref _maxTicks, 0);
    }
}
