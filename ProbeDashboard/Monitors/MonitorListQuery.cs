using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Storage;
using Radzen;

namespace ProbeDashboard.Monitors;

/// <summary>The list's filters; the same three the API offers (enabled, type, search) plus the shown status.</summary>
public sealed record MonitorListFilter(string? Search = null, MonitorKind? Kind = null, bool? Enabled = null, ShownStatus? Status = null)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Search) && Kind is null && Enabled is null && Status is null;
}

public sealed class MonitorRow
{
    public int Id { get; init; }
    public string Name { get; init; } = "";
    public string Target { get; init; } = "";
    public MonitorKind Kind { get; init; }
    public bool Enabled { get; set; }
    public int IntervalSeconds { get; init; }
    public MonitorStatus Status { get; init; }
    public DateTime? StatusSince { get; init; }
    public DateTime? LastProbeAt { get; init; }
    public string? LastError { get; init; }
    /// <summary>Percent 0–100 over the last 24 hours, null without samples.</summary>
    public double? Availability24h { get; set; }
    public double? AvgLatency24hMs { get; set; }

    public ShownStatus Shown => ShownStatusExtensions.Shown(Enabled, Status);
}

/// <summary>One page of the monitor list, filtered, sorted and paged in SQL.</summary>
public static class MonitorListQuery
{
    public static async Task<(IReadOnlyList<MonitorRow> Rows, int Total)> LoadAsync(
        ProbeDbContext db, MonitorListFilter filter, IEnumerable<SortDescriptor>? sorts, int skip, int take, CancellationToken cancellationToken)
    {
        var query = Filter(db.Monitors.AsNoTracking(), filter);
        var total = await query.CountAsync(cancellationToken);
        var rows = await Sort(query, sorts?.FirstOrDefault())
            .Skip(skip).Take(take)
            .Select(m => new MonitorRow
            {
                Id = m.Id, Name = m.Name, Target = m.Target, Kind = m.Kind, Enabled = m.Enabled,
                IntervalSeconds = m.IntervalSeconds, Status = m.Current.Status, StatusSince = m.Current.StatusSince,
                LastProbeAt = m.Current.LastProbeAt, LastError = m.Current.LastError,
            })
            .ToListAsync(cancellationToken);
        return (rows, total);
    }

    internal static IQueryable<MonitorDefinition> Filter(IQueryable<MonitorDefinition> query, MonitorListFilter filter)
    {
        query = query.Matching(filter.Enabled, filter.Kind, filter.Search);
        return filter.Status switch
        {
            ShownStatus.Paused => query.Where(m => !m.Enabled),
            ShownStatus.Online => query.Where(m => m.Enabled && m.Current.Status == MonitorStatus.Online),
            ShownStatus.Offline => query.Where(m => m.Enabled && m.Current.Status == MonitorStatus.Offline),
            ShownStatus.Unknown => query.Where(m => m.Enabled && m.Current.Status == MonitorStatus.Unknown),
            _ => query,
        };
    }

    // Sorting by a column name from the grid is mapped explicitly: only these columns are sortable in SQL.
    private static IQueryable<MonitorDefinition> Sort(IQueryable<MonitorDefinition> query, SortDescriptor? sort)
    {
        var descending = sort?.SortOrder == SortOrder.Descending;
        IOrderedQueryable<MonitorDefinition> ordered = sort?.Property switch
        {
            nameof(MonitorRow.Kind) => descending ? query.OrderByDescending(m => m.Kind) : query.OrderBy(m => m.Kind),
            nameof(MonitorRow.IntervalSeconds) => descending ? query.OrderByDescending(m => m.IntervalSeconds) : query.OrderBy(m => m.IntervalSeconds),
            nameof(MonitorRow.Status) => descending ? query.OrderByDescending(m => m.Enabled).ThenByDescending(m => m.Current.Status) : query.OrderBy(m => m.Enabled).ThenBy(m => m.Current.Status),
            nameof(MonitorRow.LastProbeAt) => descending ? query.OrderByDescending(m => m.Current.LastProbeAt) : query.OrderBy(m => m.Current.LastProbeAt),
            nameof(MonitorRow.Target) => descending ? query.OrderByDescending(m => m.Target) : query.OrderBy(m => m.Target),
            nameof(MonitorRow.Name) => descending ? query.OrderByDescending(m => m.Name) : query.OrderBy(m => m.Name),
            // Unsorted, what is down comes first: that is what an operator opens the list for.
            _ => query.OrderByDescending(m => m.Enabled && m.Current.Status == MonitorStatus.Offline).ThenBy(m => m.Name),
        };
        return ordered.ThenBy(m => m.Id);
    }
}
