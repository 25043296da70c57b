using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Auth;

namespace ProbeDashboard.Core.Monitors;

/// <summary>A monitor as pickers show it: id and name.</summary>
public sealed record MonitorName(int Id, string Name);

public sealed partial class MonitorQueries
{
    /// <summary>The names of <paramref name="ids"/> that exist, in id order (a picker shows what is chosen).</summary>
    public async Task<IReadOnlyList<MonitorName>> NamesAsync(Actor actor, IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.ServiceMonitorsRead);
        if (ids.Count == 0) return [];
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Monitors.AsNoTracking().Where(m => ids.Contains(m.Id)).OrderBy(m => m.Id)
            .Select(m => new MonitorName(m.Id, m.Name)).ToListAsync(cancellationToken);
    }

    /// <summary>Up to <paramref name="take"/> monitors whose name or target contains <paramref name="search"/>, by name: one query however many monitors exist.</summary>
    public async Task<IReadOnlyList<MonitorName>> SearchNamesAsync(Actor actor, string? search, int take, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.ServiceMonitorsRead);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Monitors.AsNoTracking().Matching(null, null, search).OrderBy(m => m.Name).ThenBy(m => m.Id).Take(take)
            .Select(m => new MonitorName(m.Id, m.Name)).ToListAsync(cancellationToken);
    }
}
