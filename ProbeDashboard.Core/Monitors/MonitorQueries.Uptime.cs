using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Availability;

namespace ProbeDashboard.Core.Monitors;

/// <summary>A monitor's uptime over the windows an operator coming from Uptime Kuma looks for.</summary>
public sealed record MonitorUptime(AvailabilityPoint LastDay, AvailabilityPoint LastMonth, AvailabilityPoint LastYear);

public sealed partial class MonitorQueries
{
    /// <summary>
    /// Uptime over 24 h (hourly rollups) and 30 d / 1 y (daily rollups, as far back as retention keeps them): two grouped statements,
    /// never raw results. Windows are rounded out to whole buckets, as the other statistics are.
    /// </summary>
    public async Task<MonitorUptime> GetUptimeAsync(Actor actor, int monitorId, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.ServiceMonitorsRead);
        var now = time.GetUtcNow().UtcDateTime;
        var day = AvailabilityPeriod.Hour.PeriodStart(now.AddDays(-1));
        var month = AvailabilityPeriod.Day.PeriodStart(now.AddDays(-30));
        var year = AvailabilityPeriod.Day.PeriodStart(now.AddDays(-365));
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var lastDay = await db.AvailabilityBuckets.AsNoTracking()
            .Where(b => b.MonitorId == monitorId && b.Size == BucketSize.Hour && b.Start >= day)
            .GroupBy(b => b.MonitorId)
            .Select(g => new
            {
                Total = g.Sum(b => b.Total), Successes = g.Sum(b => b.Successes), Latency = g.Sum(b => b.LatencySumMs),
                MaintenanceTotal = g.Sum(b => b.MaintenanceTotal), MaintenanceSuccesses = g.Sum(b => b.MaintenanceSuccesses),
            })
            .SingleOrDefaultAsync(cancellationToken);
        var longer = await db.AvailabilityBuckets.AsNoTracking()
            .Where(b => b.MonitorId == monitorId && b.Size == BucketSize.Day && b.Start >= year)
            .GroupBy(b => b.MonitorId)
            .Select(g => new
            {
                MonthTotal = g.Sum(b => b.Start >= month ? b.Total : 0),
                MonthSuccesses = g.Sum(b => b.Start >= month ? b.Successes : 0),
                MonthMaintenanceTotal = g.Sum(b => b.Start >= month ? b.MaintenanceTotal : 0),
                MonthMaintenanceSuccesses = g.Sum(b => b.Start >= month ? b.MaintenanceSuccesses : 0),
                MonthLatency = g.Sum(b => b.Start >= month ? b.LatencySumMs : 0.0),
                YearTotal = g.Sum(b => b.Total),
                YearSuccesses = g.Sum(b => b.Successes),
                YearMaintenanceTotal = g.Sum(b => b.MaintenanceTotal),
                YearMaintenanceSuccesses = g.Sum(b => b.MaintenanceSuccesses),
                YearLatency = g.Sum(b => b.LatencySumMs),
            })
            .SingleOrDefaultAsync(cancellationToken);
        return new MonitorUptime(
            new AvailabilityPoint(day, lastDay?.Total ?? 0, lastDay?.Successes ?? 0, lastDay?.Latency ?? 0,
                MaintenanceTotal: lastDay?.MaintenanceTotal ?? 0, MaintenanceSuccesses: lastDay?.MaintenanceSuccesses ?? 0),
            new AvailabilityPoint(month, longer?.MonthTotal ?? 0, longer?.MonthSuccesses ?? 0, longer?.MonthLatency ?? 0,
                MaintenanceTotal: longer?.MonthMaintenanceTotal ?? 0, MaintenanceSuccesses: longer?.MonthMaintenanceSuccesses ?? 0),
            new AvailabilityPoint(year, longer?.YearTotal ?? 0, longer?.YearSuccesses ?? 0, longer?.YearLatency ?? 0,
                MaintenanceTotal: longer?.YearMaintenanceTotal ?? 0, MaintenanceSuccesses: longer?.YearMaintenanceSuccesses ?? 0));
    }
}
