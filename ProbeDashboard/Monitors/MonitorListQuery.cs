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
    public string Name { get; private set; } = "";
    public string Target { get; private set; } = "";
    /// <summary>Where the monitor came from ("ui", "api", "iplive:app/group"...).</summary>
    public string Origin { get; private set; } = "";
    public MonitorKind Kind { get; private set; }
    public bool Enabled { get; set; }
    public int IntervalSeconds { get; private set; }
    public MonitorStatus Status { get; private set; }
    public DateTime? StatusSince { get; private set; }
    public DateTime? LastProbeAt { get; private set; }
    public string? LastError { get; private set; }
    /// <summary>Percent 0–100 over the last 24 hours, null without samples.</summary>
    public double? Availability24h { get; set; }
    public double? AvgLatency24hMs { get; set; }

    public ShownStatus Shown => ShownStatusExtensions.Shown(Enabled, Status);

    internal static MonitorRow From(MonitorDefinition m) => new MonitorRow { Id = m.Id }.CopyFrom(m);

    /// <summary>
    /// Refreshes this row in place. Live updates reuse the row objects already on screen, so the grid patches
    /// their cells instead of replacing the rows (a click landing during a refresh still hits its button).
    /// </summary>
    internal MonitorRow CopyFrom(MonitorRow other)
    {
        (Name, Target, Kind, Enabled, IntervalSeconds, Origin) = (other.Name, other.Target, other.Kind, other.Enabled, other.IntervalSeconds, other.Origin);
        (Status, StatusSince, LastProbeAt, LastError) = (other.Status, other.StatusSince, other.LastProbeAt, other.LastError);
        (Availability24h, AvgLatency24hMs) = (other.Availability24h, other.AvgLatency24hMs);
        return this;
    }

    private MonitorRow CopyFrom(MonitorDefinition m)
    {
        (Name, Target, Kind, Enabled, IntervalSeconds, Origin) = (m.Name, m.Target, m.Kind, m.Enabled, m.IntervalSeconds, m.Origin);
        (Status, StatusSince, LastProbeAt, LastError) = (m.Current.Status, m.Current.StatusSince, m.Current.LastProbeAt, m.Current.LastError);
        return this;
    }
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
            .Select(m => new MonitorDefinition
            {
                Id = m.Id, Name = m.Name, Target = m.Target, Kind = m.Kind, Enabled = m.Enabled, IntervalSeconds = m.IntervalSeconds, Origin = m.Origin,
                Current = new MonitorCurrentState
                {
                    Status = m.Current.Status, StatusSince = m.Current.StatusSince, LastProbeAt = m.Current.LastProbeAt, LastError = m.Current.LastError,
                },
            })
            .ToListAsync(cancellationToken);
        return (rows.Select(MonitorRow.From).ToList(), total);
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
