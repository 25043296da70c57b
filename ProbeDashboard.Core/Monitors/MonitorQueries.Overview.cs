using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Monitors;

/// <summary>Monitors per shown status: one in an active maintenance window counts there, not under its last result.</summary>
public sealed record StatusCounts(int Online, int Offline, int Paused, int Unknown, int Maintenance = 0)
{
    public int Total => Online + Offline + Paused + Unknown + Maintenance;
}

public sealed record DownMonitor(int Id, string Name, string Target, DateTime? Since, string? LastError);

public sealed record RecentResult(long Id, int MonitorId, string MonitorName, string? HostName, DateTime Timestamp, bool Success, double LatencyMs, int StatusCode, string? ErrorMessage);

public sealed record OverviewSnapshot(StatusCounts Counts, IReadOnlyList<DownMonitor> Down, IReadOnlyList<RecentResult> Recent);

public sealed partial class MonitorQueries
{
    public const int OverviewRecentCount = 15;
    public const int OverviewDownLimit = 100;

    /// <summary>Everything the overview shows, in three small SQL queries (the list state is denormalised on monitors).</summary>
    public async Task<OverviewSnapshot> GetOverviewAsync(Actor actor, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.ServiceMonitorsRead);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var counts = await CountByStatusAsync(db, cancellationToken);

        var down = await db.Monitors.AsNoTracking()
            .Where(m => m.Enabled && m.Current.Status == MonitorStatus.Offline)
            .OrderBy(m => m.Current.StatusSince)
            .Take(OverviewDownLimit)
            .Select(m => new DownMonitor(m.Id, m.Name, m.Target, m.Current.StatusSince, m.Current.LastError))
            .ToListAsync(cancellationToken);

        var recent = await (
                from r in db.ProbeResults.AsNoTracking()
                orderby r.Id descending
                join m in db.Monitors on r.MonitorId equals m.Id
                join h in db.Hosts on r.HostId equals h.Id into hosts
                from h in hosts.DefaultIfEmpty()
                select new RecentResult(r.Id, r.MonitorId, m.Name, h.Name, r.Timestamp, r.Success, r.LatencyMs, r.StatusCode, r.ErrorMessage))
            .Take(OverviewRecentCount)
            .ToListAsync(cancellationToken);

        return new OverviewSnapshot(counts, down, recent);
    }

    /// <summary>The overview's counts alone (the API's <c>/service-monitors/status-counts</c>): one grouped query.</summary>
    public async Task<StatusCounts> GetStatusCountsAsync(Actor actor, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.ServiceMonitorsRead);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await CountByStatusAsync(db, cancellationToken);
    }

    private async Task<StatusCounts> CountByStatusAsync(ProbeDbContext db, CancellationToken cancellationToken)
    {
        // The windows name few monitors, and the calendar keeps them in memory: the set goes into the one grouped query.
        var inMaintenance = (await maintenance.ActiveAsync(db, time.GetUtcNow().UtcDateTime, cancellationToken)).MonitorIds.ToList();
        var groups = await db.Monitors.AsNoTracking()
            .GroupBy(m => new { m.Enabled, m.Current.Status, InMaintenance = inMaintenance.Contains(m.Id) })
            .Select(g => new { g.Key.Enabled, g.Key.Status, g.Key.InMaintenance, Count = g.Count() })
            .ToListAsync(cancellationToken);
        int Count(ShownStatus shown) => groups.Where(g => ShownStatusExtensions.Shown(g.Enabled, g.Status, g.InMaintenance) == shown).Sum(g => g.Count);
        return new StatusCounts(Count(ShownStatus.Online), Count(ShownStatus.Offline), Count(ShownStatus.Paused), Count(ShownStatus.Unknown),
            Count(ShownStatus.Maintenance));
    }
}
