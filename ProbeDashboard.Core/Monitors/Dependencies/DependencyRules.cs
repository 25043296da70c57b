using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Monitors.Dependencies;

/// <summary>
/// Checks a monitor's <c>depends_on</c> against the stored monitors: every id exists, the monitor is not its own parent,
/// and no chain of parents leads back to it (the cycle is named, "web → db → web").
/// </summary>
public static class DependencyRules
{
    public const int MaxParents = 20;

    /// <param name="monitorId">The monitor being replaced; null for a new one (nothing can depend on it yet: no cycle).</param>
    /// <returns>The problem with <paramref name="dependsOn"/>, or null when it may be saved.</returns>
    public static async Task<string?> ProblemAsync(ProbeDbContext db, int? monitorId, string name, IReadOnlyList<int> dependsOn, CancellationToken cancellationToken)
    {
        var parents = dependsOn.Distinct().ToList();
        if (parents.Count == 0) return null;
        if (parents.Count > MaxParents) return $"lists at most {MaxParents} monitors";
        if (monitorId is { } self && parents.Contains(self)) return $"a monitor cannot depend on itself: {name} → {name}";
        var level = await LoadAsync(db, parents, cancellationToken);
        var unknown = parents.Where(id => !level.ContainsKey(id)).ToList();
        if (unknown.Count > 0) return $"unknown monitor ids: {string.Join(", ", unknown)}";
        return monitorId is null ? null : await CycleAsync(db, monitorId.Value, name, level, cancellationToken);
    }

    /// <summary>Walks up from the direct parents, one query per level, until the monitor itself is met (a cycle) or the chains end.</summary>
    private static async Task<string?> CycleAsync(ProbeDbContext db, int self, string name, Dictionary<int, Node> level, CancellationToken cancellationToken)
    {
        // Each reached monitor and the one below it in the chain that reached it (null: a direct parent).
        var reachedFrom = level.Keys.ToDictionary(id => id, _ => (int?)null);
        var names = level.ToDictionary(n => n.Key, n => n.Value.Name);
        while (level.Count > 0)
        {
            var next = new List<int>();
            foreach (var (id, node) in level)
            {
                foreach (var parent in node.DependsOn)
                {
                    if (parent == self) return $"would make a cycle: {Path(name, id, reachedFrom, names)}";
                    if (reachedFrom.TryAdd(parent, id)) next.Add(parent);
                }
            }
            level = next.Count == 0 ? [] : await LoadAsync(db, next, cancellationToken);
            foreach (var (id, node) in level) names[id] = node.Name;
        }
        return null;
    }

    private static string Path(string name, int last, Dictionary<int, int?> reachedFrom, Dictionary<int, string> names)
    {
        var chain = new List<string>();
        for (int? at = last; at is { } id; at = reachedFrom[id]) chain.Add(names[id]);
        chain.Reverse();
        return string.Join(" → ", [name, .. chain, name]);
    }

    private sealed record Node(string Name, List<int> DependsOn);

    private static async Task<Dictionary<int, Node>> LoadAsync(ProbeDbContext db, List<int> ids, CancellationToken cancellationToken) =>
        (await db.Monitors.AsNoTracking().Where(m => ids.Contains(m.Id)).Select(m => new { m.Id, m.Name, m.DependsOn }).ToListAsync(cancellationToken))
        .ToDictionary(m => m.Id, m => new Node(m.Name, m.DependsOn));
}
