using ProbeDashboard.Core.Availability;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Core.Availability;

public class AvailabilityQueriesTests
{
    private static readonly DateTime Now = new(2025, 10, 7, 10, 30, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Windows_cover_every_hourly_bucket_they_overlap()
    {
        await using var core = await PipelineServices.StartAsync(startWriter: false);
        await using (var db = core.CreateDbContext())
        {
            foreach (var (hoursAgo, total) in new[] { (0, 1), (1, 10), (2, 100), (24, 1000), (25, 10_000), (7 * 24, 100_000), (7 * 24 + 1, 1_000_000) })
                db.AvailabilityBuckets.Add(new AvailabilityBucket
                {
                    MonitorId = 1, HostId = core.ServerHostId, Size = BucketSize.Hour, Start = Now.Date.AddHours(10 - hoursAgo),
                    Total = total, Successes = total,
                });
            await db.SaveChangesAsync();
        }

        var statistics = await core.Get<AvailabilityQueries>().GetStatisticsAsync(1, Now, CancellationToken.None);

        Assert.Equal(11, statistics.LastHour.Total);
        Assert.Equal(1111, statistics.LastDay.Total);
        Assert.Equal(111_111, statistics.LastWeek.Total);
    }

    [Fact]
    public async Task A_monitor_without_rollups_has_empty_windows_not_zero_percent()
    {
        await using var core = await PipelineServices.StartAsync(startWriter: false);

        var statistics = await core.Get<AvailabilityQueries>().GetStatisticsAsync(7, Now, CancellationToken.None);
        var lastDay = await core.Get<AvailabilityQueries>().GetLastDayAsync([7], Now, CancellationToken.None);

        Assert.Null(statistics.LastDay.AvailabilityPercent);
        Assert.Empty(lastDay);
    }
}
