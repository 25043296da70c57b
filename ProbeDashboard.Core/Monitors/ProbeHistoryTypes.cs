namespace ProbeDashboard.Core.Monitors;

/// <summary>The detail page's ranges. The last hour reads raw results; longer ranges read the rollups.</summary>
public enum ChartRange
{
    Hour,
    Day,
    Week,
    Month,
}

public static class ChartRanges
{
    public static TimeSpan Length(this ChartRange range) => range switch
    {
        ChartRange.Hour => TimeSpan.FromHours(1),
        ChartRange.Day => TimeSpan.FromDays(1),
        ChartRange.Week => TimeSpan.FromDays(7),
        _ => TimeSpan.FromDays(30),
    };
}

/// <summary>Which results of a monitor to read; every part optional. Times are UTC, both ends included.</summary>
public sealed record ProbeHistoryFilter(DateTime? From = null, DateTime? To = null, int? HostId = null, bool? Success = null);

/// <summary>One stored probe result; latency in milliseconds.</summary>
public sealed record ProbeHistoryRow(long Id, int MonitorId, DateTime Timestamp, int HostId, string? HostName, bool Success, double LatencyMs, int StatusCode, string? ErrorMessage);

public sealed record ProbeHistoryPage(IReadOnlyList<ProbeHistoryRow> Rows, int Total);

/// <summary>The newest result of one host; the name is "#id" for a host deleted since.</summary>
public sealed record HostLatest(int HostId, string HostName, DateTime Timestamp, bool Success, double LatencyMs, int StatusCode, string? ErrorMessage);
