using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Events;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Hosts.Dependencies;

/// <summary>A host group's depends_on changed, or the group was deleted. Published after commit.</summary>
public sealed record HostGroupDependenciesChanged(int GroupId);

/// <summary>
/// Which hosts depend on which monitors (through their group's depends_on), kept in memory for the alert engine so a
/// heartbeat costs a dictionary lookup, not a query. Usually few groups have dependencies, so the whole map is read in
/// one go and dropped, synchronously inside the publish, whenever a group's dependencies or a host's group change.
/// </summary>
public sealed class HostDependencies : IDisposable
{
    private readonly IDisposable[] _observers;
    private readonly Lock _lock = new();
    private IReadOnlyDictionary<int, IReadOnlyList<int>>? _byHost;
    private long _generation;

    public HostDependencies(EventBus bus) =>
        _observers =
        [
            bus.Observe<HostGroupDependenciesChanged>(_ => Forget(), includePeerEvents: true),
            bus.Observe<HostConfigurationChanged>(_ => Forget(), includePeerEvents: true),
        ];

    public void Forget()
    {
        lock (_lock)
        {
            _generation++;
            _byHost = null;
        }
    }

    /// <summary>The monitors each host with dependencies depends on; hosts without any are absent.</summary>
    public async Task<IReadOnlyDictionary<int, IReadOnlyList<int>>> ByHostAsync(ProbeDbContext db, CancellationToken cancellationToken)
    {
        long generation;
        lock (_lock)
        {
            if (_byHost is { } known) return known;
            generation = _generation;
        }
        // depends_on is a JSON column: which groups have one is decided here, over the (few) groups.
        var groups = (await db.HostGroups.AsNoTracking().Select(g => new { g.Id, g.DependsOn }).ToListAsync(cancellationToken))
            .Where(g => g.DependsOn.Count > 0).ToDictionary(g => g.Id, g => (IReadOnlyList<int>)g.DependsOn);
        var ids = groups.Keys.ToList();
        var hosts = ids.Count == 0 ? [] : await db.Hosts.AsNoTracking().Where(h => h.GroupId != null && ids.Contains(h.GroupId.Value))
            .Select(h => new { h.Id, GroupId = h.GroupId!.Value }).ToListAsync(cancellationToken);
        var byHost = hosts.ToDictionary(h => h.Id, h => groups[h.GroupId]);
        lock (_lock)
        {
            // A change announced while reading may be missing from what was read: use it for this call only.
            if (generation == _generation) _byHost = byHost;
        }
        return byHost;
    }

    public void Dispose()
    {
        foreach (var observer in _observers) observer.Dispose();
    }
}
