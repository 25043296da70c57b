using ProbeDashboard.Core.Availability;
using ProbeDashboard.Core.Maintenance;
using ProbeDashboard.Core.Results;
using ProbeDashboard.Tests.Core.Results;

namespace ProbeDashboard.Tests.Core.Maintenance;

/// <summary>
/// What the result writer asks per batch: the occurrences overlapping the batch's time span, and whether one result
/// fell inside them; and how the rollup counts a result in maintenance.
/// </summary>
public class MaintenanceCoverageTests
{
    private static readonly DateTime Midnight = new(2026, 3, 2, 0, 0, 0, DateTimeKind.Utc);

    private static MaintenanceSchedule EveryHourForTenMinutes()
    {
        var input = new MaintenanceWindowInput("hourly", null, [1], null, "cron", null, null, "0 * * * *", null, null, 10, "UTC", null, null, true);
        Assert.Empty(input.Validate());
        var window = new MaintenanceWindow();
        input.ApplyTo(window);
        return window.Schedule;
    }

    [Fact]
    public void Every_occurrence_overlapping_the_span_is_found_the_running_one_included()
    {
        var spans = MaintenanceCoverage.SpansBetween(EveryHourForTenMinutes(), Midnight.AddMinutes(5), Midnight.AddHours(2).AddMinutes(1));

        Assert.Equal([Midnight, Midnight.AddHours(1), Midnight.AddHours(2)], spans.Select(s => s.Start));
        Assert.All(spans, s => Assert.Equal(TimeSpan.FromMinutes(10), s.End - s.Start));
    }

    [Fact]
    public void A_result_is_covered_by_its_monitors_window_or_its_hosts_and_only_while_it_runs()
    {
        var spans = MaintenanceCoverage.SpansBetween(EveryHourForTenMinutes(), Midnight, Midnight.AddMinutes(30));
        var monitors = new Dictionary<int, List<MaintenanceSpan>>();
        var hosts = new Dictionary<int, List<MaintenanceSpan>>();
        MaintenanceCoverage.AddTo(monitors, [7], spans);
        MaintenanceCoverage.AddTo(hosts, [3], spans);
        var coverage = new MaintenanceCoverage(monitors, hosts);

        Assert.True(coverage.Covers(7, 1, Midnight.AddMinutes(9)));
        Assert.False(coverage.Covers(7, 1, Midnight.AddMinutes(10)));  // the end is exclusive
        Assert.True(coverage.Covers(8, 3, Midnight));                  // another monitor, probed from a host being worked on
        Assert.False(coverage.Covers(8, 1, Midnight.AddMinutes(5)));
        Assert.False(MaintenanceCoverage.None.Covers(7, 3, Midnight));
    }

    [Fact]
    public void The_rollup_counts_results_in_maintenance_apart_and_leaves_their_latency_out()
    {
        var rollup = new BatchRollup();
        rollup.Add(BatchRollupTests.Result(1, 1, Midnight, success: true, latencyMs: 10));
        rollup.Add(BatchRollupTests.Result(1, 1, Midnight.AddMinutes(1), success: false, latencyMs: 0), inMaintenance: true);
        rollup.Add(BatchRollupTests.Result(1, 1, Midnight.AddMinutes(2), success: true, latencyMs: 900), inMaintenance: true);

        var hour = rollup.Buckets.Single(b => b.Size == BucketSize.Hour);
        Assert.Equal((1, 1, 2, 1), (hour.Total, hour.Successes, hour.MaintenanceTotal, hour.MaintenanceSuccesses));
        Assert.Equal((10.0, 10.0, 10.0), (hour.LatencySumMs, hour.LatencyMinMs!.Value, hour.LatencyMaxMs!.Value));
        var point = new AvailabilityPoint(hour.Start, hour.Total, hour.Successes, hour.LatencySumMs,
            MaintenanceTotal: hour.MaintenanceTotal, MaintenanceSuccesses: hour.MaintenanceSuccesses);
        Assert.Equal((100.0, 200.0 / 3), (point.AvailabilityPercent!.Value, point.RawAvailabilityPercent!.Value));
        Assert.Equal((3, 2, 0), (point.IncludingMaintenance().Total, point.IncludingMaintenance().Successes, point.IncludingMaintenance().MaintenanceTotal));
    }
}
