using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Availability;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Monitors;

public sealed partial class MonitorQueries
{
    /// <summary>A page of the monitor's results, newest first, filtered and paged in SQL.</summary>
    /// <returns>Null when no monitor has this id.</returns>
    public async Task<ProbeHistoryPage?> GetHistoryAsync(Actor actor, int monitorId, ProbeHistoryFilter filter, int skip, int take, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.ServiceMonitorsRead);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Monitors.AnyAsync(m => m.Id == monitorId, cancellationToken)) return null;
        var results = db.ProbeResults.AsNoTracking().Where(r => r.MonitorId == monitorId);
        if (filter.From is { } from) results = results.Where(r => r.Timestamp >= from);
        if (filter.To is { } to) results = results.Where(r => r.Timestamp <= to);
        if (filter.HostId is { } hostId) results = results.Where(r => r.HostId == hostId);
        if (filter.Success is { } success) results = results.Where(r => r.Success == success);
        var total = await results.CountAsync(cancellationToken);
        var rows = await (
                from r in results
                orderby r.Timestamp descending, r.Id descending
                join h in db.Hosts on r.HostId equals h.Id into hosts
                from h in hosts.DefaultIfEmpty()
                select new ProbeHistoryRow(r.Id, r.MonitorId, r.Timestamp, r.HostId, h.Name, r.Success, r.LatencyMs, r.StatusCode, r.ErrorMessage))
            .Skip(skip).Take(take)
            .ToListAsync(cancellationToken);
        return new ProbeHistoryPage(rows, total);
    }

    /// <summary>The newest result from each host that probed the monitor in the last week, by host name.</summary>
    public async Task<IReadOnlyList<HostLatest>> GetLatestPerHostAsync(Actor actor, int monitorId, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.ServiceMonitorsRead);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var since = time.GetUtcNow().UtcDateTime.AddDays(-7);
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

    /// <summary>Latency up to now: raw probes per minute for the last hour, hourly rollups up to a week, daily ones beyond.</summary>
    public async Task<IReadOnlyList<AvailabilityPoint>> GetLatencySeriesAsync(Actor actor, int monitorId, ChartRange range, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.ServiceMonitorsRead);
        var now = time.GetUtcNow().UtcDateTime;
        var from = now - range.Length();
        if (range != ChartRange.Hour)
        {
            var period = range == ChartRange.Month ? AvailabilityPeriod.Day : AvailabilityPeriod.Hour;
            return await availability.GetSeriesAsync(monitorId, period, from, now, hostId: null, cancellationToken);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
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

    /// <summary>Availability per period from the rollups (see <see cref="AvailabilityQueries.GetSeriesAsync"/>).</summary>
    /// <returns>Null when no monitor has this id.</returns>
    public async Task<IReadOnlyList<AvailabilityPoint>?> GetAvailabilityAsync(
        Actor actor, int monitorId, AvailabilityPeriod period, DateTime start, DateTime end, int? hostId, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.ServiceMonitorsRead);
        if (!await ExistsAsync(monitorId, cancellationToken)) return null;
        return await availability.GetSeriesAsync(monitorId, period, start, end, hostId, cancellationToken);
    }

    /// <summary>The last hour, day and week of one monitor: the one statistics query the API's detail and the dashboard share.</summary>
    public async Task<MonitorStatistics> GetStatisticsAsync(Actor actor, int monitorId, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.ServiceMonitorsRead);
        return await availability.GetStatisticsAsync(monitorId, time.GetUtcNow().UtcDateTime, cancellationToken);
    }

    private async Task<bool> ExistsAsync(int monitorId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Monitors.AnyAsync(m => m.Id == monitorId, cancellationToken);
    }
}
