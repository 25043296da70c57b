using ProbeDashboard.Core.Hosts;

namespace ProbeDashboard.Hosts.Detail;

/// <summary>
/// The host metrics chart's apexcharts options: cpu, memory and disk usage in percent on one 0–100 % axis, over the
/// chosen range in the browser's time zone (charts.js formats the axis and tooltips from <c>pdUnit</c>).
/// </summary>
public static class HostMetricsChartOptions
{
    public sealed record Names(string Cpu, string Memory, string Disk);

    /// <summary>[epoch milliseconds, percent] pairs of the heartbeats that carried the value.</summary>
    /// <remarks>A value an agent did not send is left out, not drawn as 0 %.</remarks>
    public static IReadOnlyList<object[]> Points(IEnumerable<HostMetricSample> samples, Func<HostMetricSample, double?> value) =>
        [.. samples.Where(s => value(s) is not null).Select(s => new object[] { EpochMillis(s.Timestamp), Math.Round(value(s)!.Value, 2) })];

    public static bool HasData(IReadOnlyList<HostMetricSample> samples) =>
        samples.Any(s => s.CpuUsage is not null || s.MemUsage is not null || s.DiskUsage is not null);

    public static object Build(IReadOnlyList<HostMetricSample> samples, DateTime fromUtc, DateTime toUtc, Names names) => new
    {
        chart = new { type = "line", id = "host-metrics" },
        stroke = new { width = 2, curve = "straight" },
        markers = new { size = 0 },
        legend = new { position = "bottom" },
        series = new object[]
        {
            new { name = names.Cpu, data = Points(samples, s => s.CpuUsage), pdUnit = "%" },
            new { name = names.Memory, data = Points(samples, s => s.MemUsage), pdUnit = "%" },
            new { name = names.Disk, data = Points(samples, s => s.DiskUsage), pdUnit = "%" },
        },
        xaxis = new { type = "datetime", min = EpochMillis(fromUtc), max = EpochMillis(toUtc) },
        yaxis = new { min = 0, max = 100, tickAmount = 5, pdUnit = "%", pdDecimals = 0 },
    };

    public static long EpochMillis(DateTime utc) => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToUnixTimeMilliseconds();
}
