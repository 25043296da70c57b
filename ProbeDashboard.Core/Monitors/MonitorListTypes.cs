using ProbeDashboard.Core.Availability;

namespace ProbeDashboard.Core.Monitors;

/// <summary>The list's filters: the API's three (enabled, type, search) plus the status the operator sees.</summary>
public sealed record MonitorListFilter(string? Search = null, MonitorKind? Kind = null, bool? Enabled = null, ShownStatus? Status = null)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Search) && Kind is null && Enabled is null && Status is null;
}

/// <summary>The columns the list sorts by in SQL.</summary>
public enum MonitorSortField
{
    /// <summary>What is down first, then by name: what an operator opens the list for.</summary>
    DownFirst,
    Id,
    Name,
    Target,
    Kind,
    Interval,
    /// <summary>Paused ones apart, then by the last status.</summary>
    Status,
    LastProbe,
}

public sealed record MonitorSort(MonitorSortField Field = MonitorSortField.DownFirst, bool Descending = false);

/// <summary>One monitor of a list page with its last 24 hours from the rollups (null without samples).</summary>
public sealed record MonitorListRow(
    int Id, string Name, string Target, string Origin, MonitorKind Kind, bool Enabled, int IntervalSeconds,
    MonitorStatus Status, DateTime? StatusSince, DateTime? LastProbeAt, bool? LastSuccess, string? LastError, DateTime CreatedAt,
    AvailabilityPoint? LastDay)
{
    public ShownStatus Shown => ShownStatusExtensions.Shown(Enabled, Status, InMaintenance);
    /// <summary>Inside an active maintenance window: probed, shown as "maintenance", alerting nobody.</summary>
    public bool InMaintenance { get; init; }
    /// <summary>Seconds between rounds after a failed one (flap control); the interval when not set.</summary>
    public int RetryIntervalSeconds { get; init; }
    public bool UpsideDown { get; init; }
}

public sealed record MonitorListPage(IReadOnlyList<MonitorListRow> Rows, int Total);
