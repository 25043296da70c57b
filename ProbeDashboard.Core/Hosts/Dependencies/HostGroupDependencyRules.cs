using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Monitors.Dependencies;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Hosts.Dependencies;

/// <summary>
/// Checks a host group's <c>depends_on</c>: at most <see cref="DependencyRules.MaxParents"/> monitors, every one of
/// them stored. No cycle is possible: a monitor never depends on a host group.
/// </summary>
public static class HostGroupDependencyRules
{
    /// <returns>The problem, or null when the list may be saved.</returns>
    public static async Task<string?> ProblemAsync(ProbeDbContext db, IReadOnlyList<int> dependsOn, CancellationToken cancellationToken)
    {
        var wanted = dependsOn.Distinct().ToList();
        if (wanted.Count == 0) return null;
        if (wanted.Count > DependencyRules.MaxParents) return $"lists at most {DependencyRules.MaxParents} monitors";
        var known = await db.Monitors.AsNoTracking().Where(m => wanted.Contains(m.Id)).Select(m => m.Id).ToListAsync(cancellationToken);
        var unknown = wanted.Except(known).ToList();
        return unknown.Count > 0 ? $"unknown monitor ids: {string.Join(", ", unknown)}" : null;
    }

    /// <summary>The list as stored: distinct and sorted.</summary>
    public static List<int> Normalized(IReadOnlyList<int> dependsOn) => [.. dependsOn.Distinct().Order()];
}
