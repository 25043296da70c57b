using ProbeDashboard.Core.Availability;
using ProbeDashboard.Core.Results;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Core.Results;

public class RetentionCleanerTests
{
    [Fact]
    public async Task Deletes_raw_results_past_RawDays_in_chunks_and_rollups_past_RollupDays()
    {
        await using var pipeline = await PipelineServices.StartAsync(new() { ["Retention:RawDays"] = "30", ["Retention:RollupDays"] = "400" }, startWriter: false);
        // Whole seconds, so the times read back equal these on both databases (PostgreSQL keeps microseconds).
        var now = DateTime.UnixEpoch.AddSeconds(TimeProvider.System.GetUtcNow().ToUnixTimeSeconds());
        await using (var seed = pipeline.CreateDbContext())
        {
            // More expired rows than one delete statement takes, so the chunking loop has to run several times.
            seed.ProbeResults.AddRange(Enumerable.Range(0, 12000).Select(_ => Result(now.AddDays(-31))));
            seed.ProbeResults.Add(Result(now.AddDays(-29)));
            seed.AvailabilityBuckets.AddRange(Bucket(now.AddDays(-402)), Bucket(now.AddDays(-31)));
            await seed.SaveChangesAsync();
        }

        var (results, buckets) = await pipeline.Get<RetentionCleaner>().DeleteExpiredAsync(CancellationToken.None);

        Assert.Equal((12000L, 1L), (results, buckets));
        await using var db = pipeline.CreateDbContext();
        Assert.Equal(now.AddDays(-29), Assert.Single(db.ProbeResults).Timestamp);
        Assert.Equal(now.AddDays(-31), Assert.Single(db.AvailabilityBuckets).Start);
    }

    private static ProbeResult Result(DateTime at) =>
        new() { MonitorId = 1, HostId = 1, Timestamp = at, Success = true, LatencyMs = 1, StatusCode = 200 };

    private static AvailabilityBucket Bucket(DateTime start) =>
        new() { MonitorId = 1, HostId = 1, Size = BucketSize.Day, Start = start, Total = 1, Successes = 1, LatencySumMs = 1 };
}
