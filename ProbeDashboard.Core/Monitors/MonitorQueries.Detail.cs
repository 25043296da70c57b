using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Availability;

namespace ProbeDashboard.Core.Monitors;

/// <summary>A monitor with what its detail shows: the name of the group it runs on, its statistics and who its alerts reach.</summary>
public sealed record MonitorDetail(MonitorDefinition Monitor, string? GroupName, MonitorStatistics Statistics, IReadOnlyList<AlertReach> AlertReaches);

/// <summary>Where a monitor may run, for the edit form's pick lists.</summary>
public sealed record PlacementChoices(IReadOnlyList<HostChoice> Hosts, IReadOnlyList<HostChoice> Groups);

public sealed partial class MonitorQueries
{
    /// <returns>The stored monitor, not tracked; null when no monitor has this id.</returns>
    public async Task<MonitorDefinition?> FindAsync(Actor actor, int id, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.ServiceMonitorsRead);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Monitors.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
    }

    /// <returns>Null when no monitor has this id.</returns>
    public async Task<MonitorDetail?> GetDetailAsync(Actor actor, int id, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.ServiceMonitorsRead);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var monitor = await db.Monitors.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (monitor is null) return null;
        var groupName = monitor.ExecuteOn == ExecuteOnKind.Group
            ? await db.HostGroups.Where(g => g.Id == monitor.ExecuteOnGroupId).Select(g => g.Name).SingleOrDefaultAsync(cancellationToken)
            : null;
        var statistics = await availability.GetStatisticsAsync(id, time.GetUtcNow().UtcDateTime, cancellationToken);
        var reaches = await AlertAudience.OfMonitorAsync(db, monitor, cancellationToken);
        return new MonitorDetail(monitor, groupName, statistics, reaches);
    }

    /// <summary>The probe hosts and host groups a monitor may be placed on (or its history filtered by), by name.</summary>
    public async Task<PlacementChoices> GetPlacementChoicesAsync(Actor actor, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.ServiceMonitorsRead);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var hosts = await db.Hosts.AsNoTracking().OrderBy(h => h.Name).Select(h => new HostChoice(h.Id, h.Name)).ToListAsync(cancellationToken);
        var groups = await db.HostGroups.AsNoTracking().OrderBy(g => g.Name).Select(g => new HostChoice(g.Id, g.Name)).ToListAsync(cancellationToken);
        return new PlacementChoices(hosts, groups);
    }
}
