using ProbeDashboard.Core.Maintenance;

namespace ProbeDashboard.StatusPages.Maintenance;

/// <summary>
/// Body of POST and PUT /api/v1/maintenance-windows. <c>schedule</c> is <c>once</c> (<c>start</c>, <c>end</c>, UTC
/// unless the time carries an offset), <c>cron</c> (5-field <c>cron</c>, <c>duration_minutes</c>, <c>timezone</c>) or
/// <c>weekly</c> (<c>week_days</c> such as ["sat","sun"], <c>start_time</c> "HH:mm", <c>duration_minutes</c>,
/// <c>timezone</c>). Recurring windows may be bounded by <c>active_from</c>/<c>active_until</c>. At least one of
/// <c>monitor_ids</c> and <c>host_group_ids</c>. PUT replaces the whole window.
/// </summary>
public sealed record MaintenanceWindowRequest(
    string? Title, string? Description = null, List<int>? MonitorIds = null, List<int>? HostGroupIds = null,
    string? Schedule = null, DateTimeOffset? Start = null, DateTimeOffset? End = null, string? Cron = null, List<string>? WeekDays = null,
    string? StartTime = null, int? DurationMinutes = null, string? Timezone = null, DateTimeOffset? ActiveFrom = null,
    DateTimeOffset? ActiveUntil = null, bool? Enabled = null)
{
    public MaintenanceWindowInput ToInput() => new(Title, Description, MonitorIds, HostGroupIds, Schedule, Start?.UtcDateTime, End?.UtcDateTime,
        Cron, WeekDays, StartTime, DurationMinutes, Timezone, ActiveFrom?.UtcDateTime, ActiveUntil?.UtcDateTime, Enabled);
}

/// <param name="Active">True when an occurrence runs now.</param>
/// <param name="CurrentOrNextStart">Start of the occurrence running now, or of the next one (UTC); null when none is to come.</param>
public sealed record MaintenanceWindowResponse(
    int Id, string Title, string? Description, IReadOnlyList<int> MonitorIds, IReadOnlyList<int> HostGroupIds, string Schedule,
    DateTime? Start, DateTime? End, string? Cron, IReadOnlyList<string>? WeekDays, string? StartTime, int? DurationMinutes, string? Timezone,
    DateTime? ActiveFrom, DateTime? ActiveUntil, bool Enabled, bool Active, DateTime? CurrentOrNextStart, DateTime? CurrentOrNextEnd,
    DateTime CreatedAt, DateTime UpdatedAt)
{
    public static MaintenanceWindowResponse Of(MaintenanceWindow w, DateTime now)
    {
        var input = MaintenanceWindowInput.Of(w);
        var span = w.Schedule.CurrentOrNext(now);
        return new(w.Id, w.Title, w.Description, input.MonitorIds!, input.HostGroupIds!, input.Schedule!, w.StartsAt, w.EndsAt, w.Cron,
            input.WeekDays, input.StartTime, input.DurationMinutes, w.TimeZone, w.ActiveFrom, w.ActiveUntil, w.Enabled,
            span is { } s && s.Contains(now), span?.Start, span?.End, w.CreatedAt, w.UpdatedAt);
    }
}
