using System.Collections.Concurrent;
using ProbeDashboard.Core.Monitors;

namespace ProbeDashboard.Probing;

/// <summary>
/// The scheduled monitors as last read from the database. Jobs read their monitor from here, so a fire costs
/// no database query; an edit replaces the snapshot and the next round probes with the new settings.
/// </summary>
public sealed class MonitorCatalog
{
    private readonly ConcurrentDictionary<int, MonitorDefinition> _monitors = new();

    public int Count => _monitors.Count;

    public IEnumerable<int> Ids => _monitors.Keys;

    public bool TryGet(int monitorId, out MonitorDefinition monitor) => _monitors.TryGetValue(monitorId, out monitor!);

    /// <returns>The snapshot it replaced, if any.</returns>
    public MonitorDefinition? Set(MonitorDefinition monitor)
    {
        MonitorDefinition? previous = null;
        _monitors.AddOrUpdate(monitor.Id, monitor, (_, old) => { previous = old; return monitor; });
        return previous;
    }

    public bool Remove(int monitorId) => _monitors.TryRemove(monitorId, out _);
}
