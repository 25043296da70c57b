using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Availability;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Monitors;

/// <summary>
/// Every read of monitors and their results, for the API, the dashboard and the compat layers alike. Each demands
/// service_monitors:read of its actor. The other parts: MonitorQueries.Detail.cs, .Results.cs, .Overview.cs.
/// </summary>
public sealed partial class MonitorQueries(IDbContextFactory<ProbeDbContext> dbFactory, AvailabilityQueries availability, TimeProvider time,
    Maintenance.MaintenanceCalendar maintenance)
{
    /// <summary>
    /// One page of the list, filtered, sorted and paged in SQL, with each row's last 24 hours: three statements
    /// (count, page, rollups) whatever the page size.
    /// </summary>
    public async Task<MonitorListPage> ListAsync(Actor actor, MonitorListFilter filter, MonitorSort sort, int skip, int take, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.ServiceMonitorsRead);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var inMaintenance = (await maintenance.ActiveAsync(db, time.GetUtcNow().UtcDateTime, cancellationToken)).MonitorIds;
        var monitors = db.Monitors.AsNoTracking().Matching(filter.Enabled, filter.Kind, filter.Search).Showing(filter.Status, inMaintenance);
        var total = await monitors.CountAsync(cancellationToken);
        var rows = sort is { Field: MonitorSortField.DownFirst, Descending: false }
            ? await DownFirstAsync(monitors, skip, take, cancellationToken)
            : await Sorted(monitors, sort).Skip(skip).Take(take).Select(ListRow).ToListAsync(cancellationToken);
        var lastDay = await availability.GetLastDayAsync(rows.Select(r => r.Id).ToList(), time.GetUtcNow().UtcDateTime, cancellationToken);
        return new MonitorListPage([.. rows.Select(r => r with { LastDay = lastDay.GetValueOrDefault(r.Id), InMaintenance = inMaintenance.Contains(r.Id) })], total);
    }

    /// <summary>
    /// The dashboard's default order, down first and then by name, read as two ordered index walks: the down monitors
    /// (their own small index, <c>IX_Monitors_Down_Name</c>), then the others along the name index. One ORDER BY over
    /// "down" as an expression sorted every monitor on every page load: about 20 ms of CPU at 20,000 monitors.
    /// </summary>
    private static async Task<List<MonitorListRow>> DownFirstAsync(IQueryable<MonitorDefinition> monitors, int skip, int take, CancellationToken cancellationToken)
    {
        var down = monitors.Where(m => m.Enabled && m.Current.Status == MonitorStatus.Offline);
        var downCount = await down.CountAsync(cancellationToken);
        var rows = skip < downCount
            ? await down.OrderBy(m => m.Name).ThenBy(m => m.Id).Skip(skip).Take(take).Select(ListRow).ToListAsync(cancellationToken)
            : [];
        if (rows.Count < take)
            rows.AddRange(await monitors.Where(m => !(m.Enabled && m.Current.Status == MonitorStatus.Offline))
                .OrderBy(m => m.Name).ThenBy(m => m.Id).Skip(Math.Max(0, skip - downCount)).Take(take - rows.Count)
                .Select(ListRow).ToListAsync(cancellationToken));
        return rows;
    }

    private static readonly Expression<Func<MonitorDefinition, MonitorListRow>> ListRow = m =>
        new MonitorListRow(m.Id, m.Name, m.Target, m.Origin, m.Kind, m.Enabled, m.IntervalSeconds,
            m.Current.Status, m.Current.StatusSince, m.Current.LastProbeAt, m.Current.LastSuccess, m.Current.LastError, m.CreatedAt, null)
            { RetryIntervalSeconds = m.RetryIntervalSeconds ?? m.IntervalSeconds, UpsideDown = m.UpsideDown };

    /// <summary>True when any monitor exists: the list's first-run help shows otherwise.</summary>
    public async Task<bool> AnyAsync(Actor actor, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.ServiceMonitorsRead);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Monitors.AnyAsync(cancellationToken);
    }

    private static IQueryable<MonitorDefinition> Sorted(IQueryable<MonitorDefinition> query, MonitorSort sort)
    {
        var descending = sort.Descending;
        IOrderedQueryable<MonitorDefinition> ordered = sort.Field switch
        {
            MonitorSortField.Id => descending ? query.OrderByDescending(m => m.Id) : query.OrderBy(m => m.Id),
            MonitorSortField.Kind => descending ? query.OrderByDescending(m => m.Kind) : query.OrderBy(m => m.Kind),
            MonitorSortField.Interval => descending ? query.OrderByDescending(m => m.IntervalSeconds) : query.OrderBy(m => m.IntervalSeconds),
            MonitorSortField.Status => descending ? query.OrderByDescending(m => m.Enabled).ThenByDescending(m => m.Current.Status) : query.OrderBy(m => m.Enabled).ThenBy(m => m.Current.Status),
            MonitorSortField.LastProbe => descending ? query.OrderByDescending(m => m.Current.LastProbeAt) : query.OrderBy(m => m.Current.LastProbeAt),
            MonitorSortField.Target => descending ? query.OrderByDescending(m => m.Target) : query.OrderBy(m => m.Target),
            MonitorSortField.Name => descending ? query.OrderByDescending(m => m.Name) : query.OrderBy(m => m.Name),
            _ => query.OrderByDescending(m => m.Enabled && m.Current.Status == MonitorStatus.Offline).ThenBy(m => m.Name),
        };
        return ordered.ThenBy(m => m.Id);
    }
}
