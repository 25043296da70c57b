using ProbeDashboard.Core.Availability;

namespace ProbeDashboard.Core.Results;

/// <summary>
/// The hourly and daily buckets one batch adds to, summed in memory so the batch touches each bucket row once
/// (one upsert per monitor, host and hour instead of one per result).
/// </summary>
public sealed class BatchRollup
{
    private readonly Dictionary<(int MonitorId, int HostId, BucketSize Size, DateTime Start), AvailabilityBucket> _buckets = new();

    public IReadOnlyCollection<AvailabilityBucket> Buckets => _buckets.Values;

    public static DateTime StartOf(BucketSize size, DateTime utc) => size switch
    {
        BucketSize.Hour => new DateTime(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, DateTimeKind.Utc),
        BucketSize.Day => new DateTime(utc.Year, utc.Month, utc.Day, 0, 0, 0, DateTimeKind.Utc),
        _ => throw new ArgumentOutOfRangeException(nameof(size)),
    };

    /// <param name="inMaintenance">The result fell inside an active maintenance window: it is counted apart (see <see cref="AvailabilityBucket.MaintenanceTotal"/>).</param>
    public void Add(ProbeResult result, bool inMaintenance = false)
    {
        Add(result, BucketSize.Hour, inMaintenance);
        Add(result, BucketSize.Day, inMaintenance);
    }

    private void Add(ProbeResult result, BucketSize size, bool inMaintenance)
    {
        var start = StartOf(size, result.Timestamp);
        var key = (result.MonitorId, result.HostId, size, start);
        if (!_buckets.TryGetValue(key, out var bucket))
        {
            bucket = new AvailabilityBucket { MonitorId = result.MonitorId, HostId = result.HostId, Size = size, Start = start };
            _buckets[key] = bucket;
        }
        if (inMaintenance)
        {
            // Planned work: counted for the raw figure only, and its latencies (often of a half-stopped service) left out.
            bucket.MaintenanceTotal++;
            if (result.Success) bucket.MaintenanceSuccesses++;
            return;
        }
        bucket.Total++;
        if (!result.Success) return;
        // Latency statistics describe answers that counted; a timeout's "latency" is just the timeout.
        bucket.Successes++;
        bucket.LatencySumMs += result.LatencyMs;
        bucket.LatencyMinMs = Math.Min(bucket.LatencyMinMs ?? double.MaxValue, result.LatencyMs);
        bucket.LatencyMaxMs = Math.Max(bucket.LatencyMaxMs ?? double.MinValue, result.LatencyMs);
    }
}
