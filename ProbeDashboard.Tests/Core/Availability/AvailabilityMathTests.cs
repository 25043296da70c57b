using ProbeDashboard.Core.Availability;

namespace ProbeDashboard.Tests.Core.Availability;

public class AvailabilityMathTests
{
    private static readonly DateTime Start = new(2025, 10, 7, 9, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(0, 0, null)]
    [InlineData(60, 60, 100.0)]
    [InlineData(5, 4, 80.0)]
    [InlineData(3, 0, 0.0)]
    public void Availability_is_the_share_of_successes_or_null_without_samples(int total, int successes, double? expected) =>
        Assert.Equal(expected, new AvailabilityPoint(Start, total, successes, 0).AvailabilityPercent);

    [Fact]
    public void Average_latency_counts_successful_probes_only()
    {
        Assert.Equal(350, new AvailabilityPoint(Start, Total: 5, Successes: 2, LatencySumMs: 700).AverageLatencyMs);
        Assert.Null(new AvailabilityPoint(Start, Total: 5, Successes: 0, LatencySumMs: 0).AverageLatencyMs);
    }

    [Fact]
    public void Adding_periods_sums_counts_and_keeps_the_extremes()
    {
        var monday = new AvailabilityPoint(Start, 10, 9, 900, 50, 200);
        var tuesday = new AvailabilityPoint(Start.AddDays(1), 10, 10, 1000, null, null);
        var wednesday = new AvailabilityPoint(Start.AddDays(2), 10, 10, 2000, 20, 400);

        var week = monday.Plus(tuesday).Plus(wednesday);

        Assert.Equal((Start, 30, 29, 3900.0, 20.0, 400.0),
            (week.Start, week.Total, week.Successes, week.LatencySumMs, week.LatencyMinMs!.Value, week.LatencyMaxMs!.Value));
        Assert.Equal(1, week.Failures);
    }

    [Theory]
    [InlineData(AvailabilityPeriod.Hour, "2025-10-07T10:35:12Z", "2025-10-07T10:00:00Z")]
    [InlineData(AvailabilityPeriod.Day, "2025-10-07T10:35:12Z", "2025-10-07T00:00:00Z")]
    [InlineData(AvailabilityPeriod.Week, "2025-10-07T10:35:12Z", "2025-10-06T00:00:00Z")]
    [InlineData(AvailabilityPeriod.Week, "2025-10-12T23:59:59Z", "2025-10-06T00:00:00Z")]
    [InlineData(AvailabilityPeriod.Week, "2025-10-13T00:00:00Z", "2025-10-13T00:00:00Z")]
    [InlineData(AvailabilityPeriod.Month, "2025-10-31T23:00:00Z", "2025-10-01T00:00:00Z")]
    public void Periods_start_on_the_hour_the_day_the_monday_or_the_first_of_the_month(AvailabilityPeriod period, string time, string expected)
    {
        var start = period.PeriodStart(DateTime.Parse(time, null, System.Globalization.DateTimeStyles.AdjustToUniversal));
        Assert.Equal(DateTime.Parse(expected, null, System.Globalization.DateTimeStyles.AdjustToUniversal), start);
        Assert.Equal(DateTimeKind.Utc, start.Kind);
    }

    [Theory]
    [InlineData("hour", true)]
    [InlineData("WEEK", true)]
    [InlineData("year", false)]
    [InlineData("1", false)]
    [InlineData("", false)]
    public void Period_names_parse_without_case(string text, bool valid) =>
        Assert.Equal(valid, AvailabilityPeriods.TryParse(text, out _));
}
