using System.Globalization;
using ProbeDashboard.Core.Push;

namespace ProbeDashboard.Core.Maintenance;

/// <summary>
/// What a caller asks a maintenance window to be (API, UI and config import alike). <see cref="Schedule"/> is
/// "once" (<see cref="Start"/>, <see cref="End"/>), "cron" (<see cref="Cron"/>, <see cref="DurationMinutes"/>,
/// <see cref="TimeZone"/>) or "weekly" (<see cref="WeekDays"/> such as "mon", <see cref="StartTime"/> "HH:mm",
/// <see cref="DurationMinutes"/>, <see cref="TimeZone"/>).
/// </summary>
public sealed record MaintenanceWindowInput(
    string? Title, string? Description, IReadOnlyList<int>? MonitorIds, IReadOnlyList<int>? HostGroupIds,
    string? Schedule, DateTime? Start, DateTime? End, string? Cron, IReadOnlyList<string>? WeekDays, string? StartTime,
    int? DurationMinutes, string? TimeZone, DateTime? ActiveFrom, DateTime? ActiveUntil, bool? Enabled)
{
    public const int MaxTitleLength = 200;
    public const int MaxTextLength = 2000;
    /// <summary>A recurring occurrence lasts at most a week (longer is a one-off window).</summary>
    public const int MaxDurationMinutes = 7 * 24 * 60;
    public static readonly IReadOnlyList<string> DayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    /// <summary>Checks everything that needs no database; keys are the API's field names. Empty means valid.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string problem) { if (!errors.TryGetValue(field, out var l)) errors[field] = l = []; l.Add(problem); }

        if (string.IsNullOrWhiteSpace(Title)) Add("title", "title is required");
        else if (Title.Trim().Length > MaxTitleLength) Add("title", $"title is longer than {MaxTitleLength} characters");
        if (Description?.Length > MaxTextLength) Add("description", $"description is longer than {MaxTextLength} characters");
        if ((MonitorIds?.Count ?? 0) + (HostGroupIds?.Count ?? 0) == 0)
            Add("monitor_ids", "name at least one monitor or host group");
        if (ActiveFrom is { } from && ActiveUntil is { } until && until <= from) Add("active_until", "active_until must be after active_from");

        switch (Kind)
        {
            case MaintenanceScheduleKind.Once:
                if (Start is null) Add("start", "start is required for a one-off window");
                if (End is null) Add("end", "end is required for a one-off window");
                if (Start is { } s && End is { } e && e <= s) Add("end", "end must be after start");
                break;
            case MaintenanceScheduleKind.Cron:
                if (string.IsNullOrWhiteSpace(Cron)) Add("cron", "cron is required for a cron window");
                else if (PushCron.Problem(Cron) is { } problem) Add("cron", $"cron {problem}");
                break;
            case MaintenanceScheduleKind.Weekly:
                if (WeekDays is not { Count: > 0 }) Add("week_days", "name at least one day (sun, mon, ... sat)");
                else if (WeekDays.FirstOrDefault(d => DayIndex(d) is null) is { } bad) Add("week_days", $"'{bad}' is not a day (sun, mon, ... sat)");
                if (StartMinute is null) Add("start_time", "start_time is required, as HH:mm");
                break;
            default:
                Add("schedule", "schedule must be once, cron or weekly");
                break;
        }
        if (Kind is MaintenanceScheduleKind.Cron or MaintenanceScheduleKind.Weekly)
        {
            if (DurationMinutes is not (>= 1 and <= MaxDurationMinutes)) Add("duration_minutes", $"duration_minutes must be 1-{MaxDurationMinutes}");
            if (PushCron.FindZone(TimeZone) is null) Add("timezone", $"unknown time zone '{TimeZone}' (use an IANA name such as Europe/Berlin)");
        }
        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }

    public MaintenanceScheduleKind? Kind => Schedule?.Trim().ToLowerInvariant() switch
    {
        null or "" or "once" => MaintenanceScheduleKind.Once,
        "cron" => MaintenanceScheduleKind.Cron,
        "weekly" => MaintenanceScheduleKind.Weekly,
        _ => null,
    };

    private int? StartMinute =>
        TimeOnly.TryParseExact(StartTime?.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t.Hour * 60 + t.Minute : null;

    private static int? DayIndex(string? day)
    {
        var index = DayNames.ToList().IndexOf(day?.Trim().ToLowerInvariant() is { Length: >= 3 } d ? d[..3] : "");
        return index < 0 ? null : index;
    }

    /// <summary>Writes a valid input onto a window (times as UTC; only the fields of the chosen schedule are kept).</summary>
    public void ApplyTo(MaintenanceWindow window)
    {
        var kind = Kind!.Value;
        window.Title = Title!.Trim();
        window.Description = string.IsNullOrWhiteSpace(Description) ? null : Description.Trim();
        window.Enabled = Enabled ?? true;
        window.Kind = kind;
        window.StartsAt = kind == MaintenanceScheduleKind.Once ? Utc(Start) : null;
        window.EndsAt = kind == MaintenanceScheduleKind.Once ? Utc(End) : null;
        window.Cron = kind == MaintenanceScheduleKind.Cron ? PushCron.Normalize(Cron!) : null;
        window.WeekDays = kind == MaintenanceScheduleKind.Weekly ? WeekDays!.Select(d => 1 << DayIndex(d)!.Value).Aggregate(0, (a, b) => a | b) : 0;
        window.StartMinuteOfDay = kind == MaintenanceScheduleKind.Weekly ? StartMinute!.Value : 0;
        window.DurationMinutes = kind == MaintenanceScheduleKind.Once ? 0 : DurationMinutes!.Value;
        window.TimeZone = kind == MaintenanceScheduleKind.Once || string.IsNullOrWhiteSpace(TimeZone) ? null : TimeZone.Trim();
        window.ActiveFrom = kind == MaintenanceScheduleKind.Once ? null : Utc(ActiveFrom);
        window.ActiveUntil = kind == MaintenanceScheduleKind.Once ? null : Utc(ActiveUntil);
        window.Monitors = [.. (MonitorIds ?? []).Distinct().Order().Select(id => new MaintenanceWindowMonitor { MonitorId = id })];
        window.HostGroups = [.. (HostGroupIds ?? []).Distinct().Order().Select(id => new MaintenanceWindowHostGroup { HostGroupId = id })];
    }

    /// <summary>The input that would save <paramref name="w"/> as it is (the UI's editor and the config export start from it).</summary>
    public static MaintenanceWindowInput Of(MaintenanceWindow w) => new(
        w.Title, w.Description, [.. w.Monitors.Select(m => m.MonitorId)], [.. w.HostGroups.Select(g => g.HostGroupId)],
        w.Kind.ToString().ToLowerInvariant(), w.StartsAt, w.EndsAt, w.Cron,
        w.Kind == MaintenanceScheduleKind.Weekly ? [.. Enumerable.Range(0, 7).Where(d => (w.WeekDays & (1 << d)) != 0).Select(d => DayNames[d])] : null,
        w.Kind == MaintenanceScheduleKind.Weekly ? $"{w.StartMinuteOfDay / 60:00}:{w.StartMinuteOfDay % 60:00}" : null,
        w.Kind == MaintenanceScheduleKind.Once ? null : w.DurationMinutes, w.TimeZone, w.ActiveFrom, w.ActiveUntil, w.Enabled);

    /// <summary>Times without a zone are taken as UTC; times with one are converted.</summary>
    private static DateTime? Utc(DateTime? t) => t switch
    {
        null => null,
        { Kind: DateTimeKind.Local } l => l.ToUniversalTime(),
        { } u => DateTime.SpecifyKind(u, DateTimeKind.Utc),
    };
}

public enum MaintenanceOutcome { Done, Invalid, NotFound }

/// <param name="Changed">False when a save matched the stored window: nothing was written or audited.</param>
public sealed record MaintenanceResult(MaintenanceOutcome Outcome, MaintenanceWindow? Window = null,
    IReadOnlyDictionary<string, string[]>? Errors = null, bool Changed = true)
{
    public static MaintenanceResult Invalid(IReadOnlyDictionary<string, string[]> errors) => new(MaintenanceOutcome.Invalid, Errors: errors, Changed: false);
}
