using Cronos;
using ProbeDashboard.Core.Push;

namespace ProbeDashboard.Core.Maintenance;

/// <summary>One occurrence of a window, UTC, end exclusive.</summary>
public readonly record struct MaintenanceSpan(DateTime Start, DateTime End)
{
    public bool Contains(DateTime utc) => utc >= Start && utc < End;
}

/// <summary>
/// When a window is active, as pure functions of the clock. Recurring windows are cron expressions read in their time
/// zone (a weekly window is the cron "m h * * days"), so Cronos settles daylight-saving changes: a start in the
/// skipped hour happens at the jump, a start in the repeated hour happens once.
/// </summary>
public sealed class MaintenanceSchedule
{
    private readonly MaintenanceWindow _window;
    private readonly CronExpression? _cron;
    private readonly TimeZoneInfo _zone;

    private MaintenanceSchedule(MaintenanceWindow window, CronExpression? cron, TimeZoneInfo zone)
    {
        _window = window;
        _cron = cron;
        _zone = zone;
    }

    public static MaintenanceSchedule Of(MaintenanceWindow window)
    {
        var zone = PushCron.FindZone(window.TimeZone) ?? TimeZoneInfo.Utc;
        var cron = CronText(window) is { } text ? PushCron.Parse(text) : null;
        return new MaintenanceSchedule(window, cron, zone);
    }

    /// <summary>The cron a recurring window starts by; null for a one-off window.</summary>
    public static string? CronText(MaintenanceWindow window) => window.Kind switch
    {
        MaintenanceScheduleKind.Cron => window.Cron,
        MaintenanceScheduleKind.Weekly =>
            $"{window.StartMinuteOfDay % 60} {window.StartMinuteOfDay / 60} * * {string.Join(',', Enumerable.Range(0, 7).Where(d => (window.WeekDays & (1 << d)) != 0))}",
        _ => null,
    };

    /// <summary>The occurrence covering <paramref name="utc"/>, or null when the window is not active then (disabled windows never are).</summary>
    public MaintenanceSpan? ActiveAt(DateTime utc)
    {
        if (!_window.Enabled) return null;
        if (_cron is null)
            return _window.StartsAt is { } start && _window.EndsAt is { } end && utc >= start && utc < end ? new MaintenanceSpan(start, end) : null;
        if (!WithinActiveRange(utc)) return null;
        var duration = TimeSpan.FromMinutes(_window.DurationMinutes);
        // The earliest start in (utc - duration, utc]: an occurrence that began less than one duration ago still runs.
        var started = _cron.GetNextOccurrence(DateTime.SpecifyKind(utc - duration, DateTimeKind.Utc), _zone, inclusive: false);
        return started is { } s && s <= utc ? new MaintenanceSpan(s, s + duration) : null;
    }

    /// <summary>The occurrence running at <paramref name="utc"/> or else the next one; null when none is to come.</summary>
    public MaintenanceSpan? CurrentOrNext(DateTime utc)
    {
        if (!_window.Enabled) return null;
        if (ActiveAt(utc) is { } active) return active;
        if (_cron is null)
            return _window.StartsAt is { } start && _window.EndsAt is { } end && start > utc ? new MaintenanceSpan(start, end) : null;
        var from = _window.ActiveFrom is { } activeFrom && activeFrom > utc ? activeFrom : utc;
        var next = _cron.GetNextOccurrence(DateTime.SpecifyKind(from, DateTimeKind.Utc), _zone, inclusive: true);
        if (next is not { } n || (_window.ActiveUntil is { } until && n >= until)) return null;
        return new MaintenanceSpan(n, n + TimeSpan.FromMinutes(_window.DurationMinutes));
    }

    private bool WithinActiveRange(DateTime utc) =>
        (_window.ActiveFrom is not { } from || utc >= from) && (_window.ActiveUntil is not { } until || utc < until);
}
