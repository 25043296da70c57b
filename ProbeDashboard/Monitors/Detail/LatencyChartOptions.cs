using ProbeDashboard.Core.Availability;
using ProbeDashboard.Core.Monitors;

namespace ProbeDashboard.Monitors.Detail;

/// <summary>
/// Shapes a latency series into apexcharts options: the mean latency as a line in ms that breaks where nothing
/// succeeded, and every slot with failed rounds as a red band whose strength follows the share that failed, so an
/// outage shows as red and not as a line that just stops.
/// </summary>
public static class LatencyChartOptions
{
    /// <summary>The theme's error colour, resolved by charts.js in the browser (readable in light and dark).</summary>
    public const string FailColor = "var(--pd-offline)";
    public const string LineColor = "var(--mud-palette-primary)";

    public sealed record Band(long FromMs, long ToMs, double FailedShare);

    /// <summary>How long one point of the series covers: a minute of raw results, or an hourly or daily rollup.</summary>
    public static TimeSpan SlotLength(ChartRange range) => range switch
    {
        ChartRange.Hour => TimeSpan.FromMinutes(1),
        ChartRange.Month => TimeSpan.FromDays(1),
        _ => TimeSpan.FromHours(1),
    };

    /// <summary>[epoch ms, latency ms or null] per slot that had results; null where every result failed.</summary>
    public static List<object?[]> Line(IEnumerable<AvailabilityPoint> points) =>
        [.. points.Where(p => p.Total > 0).OrderBy(p => p.Start).Select(p => new object?[] { EpochMs(p.Start), p.AverageLatencyMs is { } ms ? Math.Round(ms, 2) : null })];

    public static List<Band> FailureBands(IEnumerable<AvailabilityPoint> points, ChartRange range)
    {
        var length = SlotLength(range);
        return [.. points.Where(p => p.Failures > 0).OrderBy(p => p.Start)
            .Select(p => new Band(EpochMs(p.Start), EpochMs(p.Start + length), (double)p.Failures / p.Total))];
    }

    public static object Build(IReadOnlyList<AvailabilityPoint> points, ChartRange range, DateTime fromUtc, DateTime toUtc, string seriesName)
    {
        var line = Line(points);
        return new
        {
            chart = new { type = "line", id = "latency" },
            series = new[] { new { name = seriesName, data = line, pdUnit = "ms" } },
            colors = new[] { LineColor },
            stroke = new { width = 2, curve = "straight" },
            markers = new { size = line.Count > 60 ? 0 : 3 },
            xaxis = new { type = "datetime", min = EpochMs(fromUtc), max = EpochMs(toUtc) },
            yaxis = new { min = 0, pdUnit = "ms", pdDecimals = 0 },
            legend = new { show = false },
            annotations = new
            {
                xaxis = FailureBands(points, range).Select(b => new
                {
                    x = b.FromMs,
                    x2 = b.ToMs,
                    fillColor = FailColor,
                    borderColor = FailColor,
                    // 62 % failed reads lighter than a whole outage.
                    opacity = Math.Round(0.15 + 0.45 * b.FailedShare, 2),
                }).ToList(),
            },
        };
    }

    private static long EpochMs(DateTime utc) => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToUnixTimeMilliseconds();
}
