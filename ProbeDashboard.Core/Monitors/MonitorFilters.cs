using Microsoft.EntityFrameworkCore;

namespace ProbeDashboard.Core.Monitors;

/// <summary>The list filters of seed 001 §1.2 (enable, type, search), shared by the API and the dashboard.</summary>
public static class MonitorFilters
{
    /// <param name="search">Substring of the name or the target, case-insensitive for ASCII letters; % and _ match themselves.</param>
    public static IQueryable<MonitorDefinition> Matching(this IQueryable<MonitorDefinition> monitors, bool? enabled, MonitorKind? kind, string? search)
    {
        if (enabled is { } isEnabled) monitors = monitors.Where(m => m.Enabled == isEnabled);
        if (kind is { } wanted) monitors = monitors.Where(m => m.Kind == wanted);
        if (!string.IsNullOrWhiteSpace(search))
        {
            // Both sides lower-cased: SQLite's LIKE ignores ASCII case by itself, PostgreSQL's does not.
            var pattern = $"%{EscapeLike(search.Trim().ToLowerInvariant())}%";
            monitors = monitors.Where(m => EF.Functions.Like(m.Name.ToLower(), pattern, "\\") || EF.Functions.Like(m.Target.ToLower(), pattern, "\\"));
        }
        return monitors;
    }

    private static string EscapeLike(string term) =>
        term.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
