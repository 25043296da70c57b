using ProbeDashboard.Core.Availability;
using ProbeDashboard.Core.Results;

namespace ProbeDashboard.Tests.Core.Results;

public class BatchRollupTests
{
    private static readonly DateTime Midnight = new(2026, 11, 22, 0, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("2026-11-21T23:59:59.9999999Z", BucketSize.Hour, "2026-11-21T23:00:00Z")]
    [InlineData("2026-11-22T00:00:00Z", BucketSize.Hour, "2026-11-22T00:00:00Z")]
    [InlineData("2026-11-22T13:30:00Z", BucketSize.Hour, "2026-11-22T13:00:00Z")]
    [InlineData("2026-11-21T23:59:59.9999999Z", BucketSize.Day, "2026-11-21T00:00:00Z")]
    [InlineData("2026-11-22T00:00:00Z", BucketSize.Day, "2026-11-22T00:00:00Z")]
    [InlineData("2026-12-31T23:00:00Z", BucketSize.Day, "2026-12-31T00:00:00Z")]
    public void Buckets_start_at_the_utc_hour_or_day(string at, BucketSize size, string start)
    {
        var utc = DateTime.Parse(at, null, System.Globalization.DateTimeStyles.AdjustToUniversal);
        var expected = DateTime.Parse(start, null, System.Globalization.DateTimeStyles.AdjustToUniversal);
        Assert.Equal(expected, BatchRollup.StartOf(size, utc));
        Assert.Equal(DateTimeKind.Utc, BatchRollup.StartOf(size, utc).Kind);
    }

    [Fact]
    public void Sums_counts_and_latency_of_successes_per_monitor_host_and_bucket()
    {
        var rollup = new BatchRollup();
        rollup.Add(Result(1, 1, Midnight.AddMinutes(-1), true, 30));
        rollup.Add(Result(1, 1, Midnight.AddMinutes(1), true, 10));
        rollup.Add(Result(1, 1, Midnight.AddMinutes(2), true, 50));
        rollup.Add(Result(1, 1, Midnight.AddMinutes(3), false, 2000));
        rollup.Add(Result(1, 2, Midnight.AddMinutes(3), true, 7));
        rollup.Add(Result(2, 1, Midnight.AddMinutes(4), false, 0));

        var hour = Bucket(rollup, 1, 1, BucketSize.Hour, Midnight);
        Assert.Equal((3, 2, 60.0, 10.0, 50.0), (hour.Total, hour.Successes, hour.LatencySumMs, hour.LatencyMinMs!.Value, hour.LatencyMaxMs!.Value));
        var lastHourOfYesterday = Bucket(rollup, 1, 1, BucketSize.Hour, Midnight.AddHours(-1));
        Assert.Equal((1, 1, 30.0), (lastHourOfYesterday.Total, lastHourOfYesterday.Successes, lastHourOfYesterday.LatencySumMs));
        var today = Bucket(rollup, 1, 1, BucketSize.Day, Midnight);
        Assert.Equal(3, today.Total);
        Assert.Equal(1, Bucket(rollup, 1, 2, BucketSize.Day, Midnight).Total);

        var onlyFailures = Bucket(rollup, 2, 1, BucketSize.Hour, Midnight);
        Assert.Equal((1, 0, 0.0), (onlyFailures.Total, onlyFailures.Successes, onlyFailures.LatencySumMs));
        Assert.Null(onlyFailures.LatencyMinMs);
        Assert.Null(onlyFailures.LatencyMaxMs);
        Assert.Equal(8, rollup.Buckets.Count);
    }

    private static AvailabilityBucket Bucket(BatchRollup rollup, int monitorId, int hostId, BucketSize size, DateTime start) =>
        Assert.Single(rollup.Buckets, b => b.MonitorId == monitorId && b.HostId == hostId && b.Size == size && b.Start == start);

    internal static ProbeResult Result(int monitorId, int hostId, DateTime at, bool success, double latencyMs) => new()
    {
        MonitorId = monitorId,
        HostId = hostId,
        Timestamp = at,
        Success = success,
        LatencyMs = latencyMs,
        ErrorMessage = success ? null : "connection refused",
    };
}
