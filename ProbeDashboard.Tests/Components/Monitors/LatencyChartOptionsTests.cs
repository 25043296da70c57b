using System.Text.Json;
using ProbeDashboard.Core.Availability;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Monitors.Detail;

namespace ProbeDashboard.Tests.Components.Monitors;

/// <summary>The latency chart's data shaping: outages are red bands, not a line that just stops.</summary>
public class LatencyChartOptionsTests
{
    private static readonly DateTime T0 = new(2026, 12, 6, 10, 0, 0, DateTimeKind.Utc);
    private static long Ms(DateTime t) => new DateTimeOffset(t).ToUnixTimeMilliseconds();

    [Fact]
    public void The_line_breaks_where_every_result_failed_and_skips_slots_without_results()
    {
        var points = new[]
        {
            new AvailabilityPoint(T0, 2, 2, 200),
            new AvailabilityPoint(T0.AddMinutes(1), 2, 0, 0),
            new AvailabilityPoint(T0.AddMinutes(2), 0, 0, 0),
            new AvailabilityPoint(T0.AddMinutes(3), 4, 3, 330),
        };

        var line = LatencyChartOptions.Line(points);

        Assert.Equal([Ms(T0), Ms(T0.AddMinutes(1)), Ms(T0.AddMinutes(3))], line.Select(p => (long)p[0]!));
        Assert.Equal([100.0, null, 110.0], line.Select(p => (double?)p[1]));
    }

    [Theory]
    [InlineData(ChartRange.Hour, 1)]
    [InlineData(ChartRange.Day, 60)]
    [InlineData(ChartRange.Month, 1440)]
    public void Each_slot_with_failures_becomes_a_band_as_wide_as_the_slot_and_as_strong_as_its_failed_share(ChartRange range, int minutes)
    {
        var points = new[] { new AvailabilityPoint(T0, 4, 4, 400), new AvailabilityPoint(T0.AddHours(1), 8, 3, 300), new AvailabilityPoint(T0.AddHours(2), 2, 0, 0) };

        var bands = LatencyChartOptions.FailureBands(points, range);

        Assert.Equal(2, bands.Count);
        Assert.Equal((Ms(T0.AddHours(1)), Ms(T0.AddHours(1).AddMinutes(minutes)), 5 / 8.0), (bands[0].FromMs, bands[0].ToMs, bands[0].FailedShare));
        Assert.Equal(1.0, bands[1].FailedShare);
    }

    [Fact]
    public void The_options_carry_one_unit_the_whole_range_and_theme_colours_for_the_bands()
    {
        var points = new[] { new AvailabilityPoint(T0, 4, 2, 200) };

        var json = JsonSerializer.SerializeToElement(LatencyChartOptions.Build(points, ChartRange.Hour, T0.AddHours(-1), T0.AddMinutes(5), "Average latency"));

        Assert.Equal("datetime", json.GetProperty("xaxis").GetProperty("type").GetString());
        Assert.Equal(Ms(T0.AddHours(-1)), json.GetProperty("xaxis").GetProperty("min").GetInt64());
        Assert.Equal("ms", json.GetProperty("yaxis").GetProperty("pdUnit").GetString());
        Assert.Equal("ms", json.GetProperty("series")[0].GetProperty("pdUnit").GetString());
        var band = Assert.Single(json.GetProperty("annotations").GetProperty("xaxis").EnumerateArray());
        Assert.Equal("var(--pd-offline)", band.GetProperty("fillColor").GetString());
        Assert.Equal(0.38, band.GetProperty("opacity").GetDouble(), 2);
    }

    [Theory]
    [InlineData(100.0, "good", null)]
    [InlineData(97.0, "degraded", null)]
    [InlineData(62.0, "bad", 58)]
    [InlineData(0.0, "bad", 100)]
    public void Availability_bars_shade_red_by_what_was_lost(double percent, string grade, int? red)
    {
        Assert.Equal(grade, AvailabilityShade.Grade(percent));
        if (red is { } strength)
            Assert.Equal($"background: color-mix(in srgb, var(--pd-offline) {strength}%, var(--mud-palette-surface))", AvailabilityShade.Style(percent));
        else
            Assert.Null(AvailabilityShade.Style(percent));
        Assert.Equal("none", AvailabilityShade.Grade(null));
    }
}
