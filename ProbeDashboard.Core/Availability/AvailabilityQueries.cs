using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Availability;

/// <summary>
/// Availability and latency read from the hourly and daily rollups, never from raw results, so the answers cost
/// the same after months of history. A window such as "the last 24 h" is rounded out to whole hours: it covers
/// every hourly bucket that overlaps it.
/// </summary>
public sealed class AvailabilityQueries(IDbContextFactory<ProbeDbContext> dbFactory)
{
    /// <summary>Last hour, day and week of one monitor, in one query.</summary>
    public async Task<MonitorStatistics> GetStatisticsAsync(int monitorId, DateTime now, CancellationToken cancellationToken)
    {
        var hour = WindowStart(now, TimeSpan.FromHours(1));
        var day = WindowStart(now, TimeSpan.FromDays(1));
        var week = WindowStart(now, TimeSpan.FromDays(7));
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var sums = await db.AvailabilityBuckets.AsNoTracking()
            .Where(b => b.MonitorId == monitorId && b.Size == BucketSize.Hour && b.Start >= week)
            .GroupBy(b => b.MonitorId)
            .Select(g => new
            {
                HourTotal = g.Sum(b => b.Start >= hour ? b.Total : 0),
                HourSuccesses = g.Sum(b => b.Start >= hour ? b.Successes : 0),
                HourMaintenanceTotal = g.Sum(b => b.Start >= hour ? b.MaintenanceTotal : 0),
                HourMaintenanceSuccesses = g.Sum(b => b.Start >= hour ? b.MaintenanceSuccesses : 0),
                HourLatency = g.Sum(b => b.Start >= hour ? b.LatencySumMs : 0.0),
                DayTotal = g.Sum(b => b.Start >= day ? b.Total : 0),
                DaySuccesses = g.Sum(b => b.Start >= day ? b.Successes : 0),
                DayMaintenanceTotal = g.Sum(b => b.Start >= day ? b.MaintenanceTotal : 0),
                DayMaintenanceSuccesses = g.Sum(b => b.Start >= day ? b.MaintenanceSuccesses : 0),
                DayLatency = g.Sum(b => b.Start >= day ? b.LatencySumMs : 0.0),
                WeekTotal = g.Sum(b => b.Total),
                WeekSuccesses = g.Sum(b => b.Successes),
                WeekMaintenanceTotal = g.Sum(b => b.MaintenanceTotal),
                WeekMaintenanceSuccesses = g.Sum(b => b.MaintenanceSuccesses),
                WeekLatency = g.Sum(b => b.LatencySumMs),
            })
            .SingleOrDefaultAsync(cancellationToken);
        return sums is null
            ? new MonitorStatistics(AvailabilityPoint.Empty(hour), AvailabilityPoint.Empty(day), AvailabilityPoint.Empty(week))
            : new MonitorStatistics(
                new AvailabilityPoint(hour, sums.HourTotal, sums.HourSuccesses, sums.HourLatency,
                    MaintenanceTotal: sums.HourMaintenanceTotal, MaintenanceSuccesses: sums.HourMaintenanceSuccesses),
                new AvailabilityPoint(day, sums.DayTotal, sums.DaySuccesses, sums.DayLatency,
                    MaintenanceTotal: sums.DayMaintenanceTotal, MaintenanceSuccesses: sums.DayMaintenanceSuccesses),
                new AvailabilityPoint(week, sums.WeekTotal, sums.WeekSuccesses, sums.WeekLatency,
                    MaintenanceTotal: sums.WeekMaintenanceTotal, MaintenanceSuccesses: sums.WeekMaintenanceSuccesses));
    }

    /// <summary>The last 24 h of many monitors (one list page) in one grouped query; monitors without data are absent.</summary>
    public async Task<IReadOnlyDictionary<int, AvailabilityPoint>> GetLastDayAsync(
        IReadOnlyCollection<int> monitorIds, DateTime now, CancellationToken cancellationToken)
    {
        if (monitorIds.Count == 0) return new Dictionary<int, AvailabilityPoint>();
        var day = WindowStart(now, TimeSpan.FromDays(1));
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.AvailabilityBuckets.AsNoTracking()
            .Where(b => monitorIds.Contains(b.MonitorId) && b.Size == BucketSize.Hour && b.Start >= day)
            .GroupBy(b => b.MonitorId)
            .Select(g => new { MonitorId = g.Key, Total = g.Sum(b => b.Total), Successes = g.Sum(b => b.Successes), Latency = g.Sum(b => b.LatencySumMs) })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.MonitorId, r => new AvailabilityPoint(day, r.Total, r.Successes, r.Latency));
    }

    /// <summary>
    /// One point per period with data in [start, end), oldest first. Week and month points are summed from the
    /// daily rollups; <paramref name="start"/> is first moved back to the start of its period.
    /// </summary>
    /// <param name="hostId">Only the rounds probed from this host; all hosts when null (rollups are kept per host).</param>
    public async Task<IReadOnlyList<AvailabilityPoint>> GetSeriesAsync(
        int monitorId, AvailabilityPeriod period, DateTime start, DateTime end, int? hostId, CancellationToken cancellationToken)
    {
        var from = period.PeriodStart(start);
        var size = period.SourceBuckets();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.AvailabilityBuckets.AsNoTracking()
            .Where(b => b.MonitorId == monitorId && b.Size == size && b.Start >= from && b.Start < end)
            .Where(b => hostId == null || b.HostId == hostId)
            .GroupBy(b => b.Start)
            .Select(g => new
            {
                Start = g.Key,
                Total = g.Sum(b => b.Total),
                Successes = g.Sum(b => b.Successes),
                MaintenanceTotal = g.Sum(b => b.MaintenanceTotal),
                MaintenanceSuccesses = g.Sum(b => b.MaintenanceSuccesses),
                Latency = g.Sum(b => b.LatencySumMs),
                Min = g.Min(b => b.LatencyMinMs),
                Max = g.Max(b => b.LatencyMaxMs),
            })
            .OrderBy(r => r.Start)
            .ToListAsync(cancellationToken);

        return rows
            .Select(r => new AvailabilityPoint(period.PeriodStart(r.Start), r.Total, r.Successes, r.Latency, r.Min, r.Max, r.MaintenanceTotal, r.MaintenanceSuccesses))
            .GroupBy(p => p.Start)
            .Select(g => g.Aggregate((sum, next) => sum.Plus(next)))
            .ToList();
    }

    private static DateTime WindowStart(DateTime now, TimeSpan window) => AvailabilityPeriod.Hour.PeriodStart(now - window);
}
