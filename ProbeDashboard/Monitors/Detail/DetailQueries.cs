using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Availability;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Monitors.Detail;

/// <summary>The latency chart's ranges. The last hour reads raw results; longer ranges read the rollups.</summary>
public enum ChartRange
{
    Hour,
    Day,
    Week,
    Month,
}

public sealed record HostLatest(int HostId, string HostName, DateTime Timestamp, bool Success, double LatencyMs, int StatusCode, string? ErrorMessage);

public static class DetailQueries
{
    public static TimeSpan Length(this ChartRange range) => range switch
    {
        ChartRange.Hour => TimeSpan.FromHours(1),
        ChartRange.Day => TimeSpan.FromDays(1),
        ChartRange.Week => TimeSpan.FromDays(7),
        _ => TimeSpan.FromDays(30),
    };

    /// <summary>Latency over a range: raw probes per minute for the last hour, hourly rollups up to a week, daily ones beyond.</summary>
    public static async Task<IReadOnlyList<AvailabilityPoint>> LatencySeriesAsync(
        ProbeDbContext db, AvailabilityQueries availability, int monitorId, ChartRange range, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var from = nowUtc - range.Length();
        if (range != ChartRange.Hour)
        {
            var period = range == ChartRange.Month ? AvailabilityPeriod.Day : AvailabilityPeriod.Hour;
            return await availability.GetSeriesAsync(monitorId, period, from, nowUtc, hostId: null, cancellationToken);
        }
        var raw = await db.ProbeResults.AsNoTracking()
            .Where(r => r.MonitorId == monitorId && r.Timestamp >= from)
            .Select(r => new { r.Timestamp, r.Success, r.LatencyMs })
            .ToListAsync(cancellationToken);
        // Results of all hosts in the same minute become one point so the line stays readable.
        return raw
            .GroupBy(r => new DateTime(r.Timestamp.Ticks - r.Timestamp.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc))
            .OrderBy(g => g.Key)
            .Select(g => new AvailabilityPoint(g.Key, g.Count(), g.Count(r => r.Success), g.Where(r => r.Success).Sum(r => r.LatencyMs)))
            .ToList();
    }

    /// <summary>The newest result from each host that probed the monitor in the last week.</summary>
    public static async Task<IReadOnlyList<HostLatest>> LatestPerHostAsync(
        ProbeDbContext db, int monitorId, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var since = nowUtc.AddDays(-7);
        var latestIds = db.ProbeResults
            .Where(r => r.MonitorId == monitorId && r.Timestamp >= since)
            .GroupBy(r => r.HostId)
            .Select(g => g.Max(r => r.Id));
        return await (
                from r in db.ProbeResults.AsNoTracking()
                where latestIds.Contains(r.Id)
                join h in db.Hosts on r.HostId equals h.Id into hosts
                from h in hosts.DefaultIfEmpty()
                orderby h.Name
                select new HostLatest(r.HostId, h.Name ?? ("#" + r.HostId), r.Timestamp, r.Success, r.LatencyMs, r.StatusCode, r.ErrorMessage))
            .ToListAsync(cancellationToken);
    }
}
