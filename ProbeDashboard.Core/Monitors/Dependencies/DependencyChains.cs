using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Monitors.Dependencies;

/// <summary>The offline monitor at the top of a chain of dependencies: what an operator has to fix first.</summary>
public sealed record RootCause(int MonitorId, string Name);

/// <summary>
/// Follows <c>depends_on</c> chains upwards to the offline monitor that explains a failure. With "shop depends on
/// db depends on uplink", when the uplink is offline both db and shop are suppressed by the uplink, whether or not db
/// has been judged offline yet: the root cause is the highest offline monitor on the chain, not the nearest one.
/// </summary>
public static class DependencyChains
{
    /// <summary>Chains are short (saving refuses cycles); past this many levels the walk stops rather than trust the data.</summary>
    private const int MaxLevels = 32;

    /// <summary>
    /// The root cause of each key whose parents (or their ancestors) include an offline, enabled monitor. One query per
    /// level of ancestors, none when no key has parents.
    /// </summary>
    /// <param name="parentsOf">Each key's direct parents, in the order they were listed (the first one found wins).</param>
    public static async Task<Dictionary<TKey, RootCause>> RootCausesAsync<TKey>(ProbeDbContext db, IReadOnlyDictionary<TKey, IReadOnlyList<int>> parentsOf, CancellationToken cancellationToken)
        where TKey : notnull
    {
        var nodes = await AncestorsAsync(db, parentsOf.Values.SelectMany(p => p), cancellationToken);
        var roots = new Dictionary<int, RootCause?>();
        var found = new Dictionary<TKey, RootCause>();
        foreach (var (key, parents) in parentsOf)
            if (parents.Select(p => RootOf(p, nodes, roots, [])).FirstOrDefault(r => r is not null) is { } root)
                found[key] = root;
        return found;
    }

    /// <summary>The highest offline monitor at or above <paramref name="id"/>, following parents in order; memoised.</summary>
    private static RootCause? RootOf(int id, Dictionary<int, Node> nodes, Dictionary<int, RootCause?> roots, HashSet<int> walking)
    {
        if (roots.TryGetValue(id, out var known)) return known;
        if (!nodes.TryGetValue(id, out var node) || !walking.Add(id)) return null;
        var above = node.DependsOn.Select(p => RootOf(p, nodes, roots, walking)).FirstOrDefault(r => r is not null);
        walking.Remove(id);
        return roots[id] = above ?? (node.Offline ? new RootCause(id, node.Name) : null);
    }

    private sealed record Node(string Name, bool Offline, List<int> DependsOn);

    private static async Task<Dictionary<int, Node>> AncestorsAsync(ProbeDbContext db, IEnumerable<int> parents, CancellationToken cancellationToken)
    {
        var nodes = new Dictionary<int, Node>();
        var level = parents.Distinct().ToList();
        for (var depth = 0; level.Count > 0 && depth < MaxLevels; depth++)
        {
            var ids = level;
            var loaded = await db.Monitors.AsNoTracking().Where(m => ids.Contains(m.Id))
                .Select(m => new { m.Id, m.Name, Offline = m.Enabled && m.Current.Status == MonitorStatus.Offline, m.DependsOn })
                .ToListAsync(cancellationToken);
            foreach (var m in loaded) nodes[m.Id] = new Node(m.Name, m.Offline, m.DependsOn);
            level = [.. loaded.SelectMany(m => m.DependsOn).Distinct().Where(id => !nodes.ContainsKey(id))];
        }
        return nodes;
    }
}
