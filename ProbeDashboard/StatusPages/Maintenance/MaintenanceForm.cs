using System.Globalization;
using ProbeDashboard.Core.Maintenance;

namespace ProbeDashboard.StatusPages.Maintenance;

/// <summary>What the window editor binds to; becomes a <see cref="MaintenanceWindowInput"/> on save. One-off times are UTC.</summary>
public sealed class MaintenanceForm
{
    public const string LocalFormat = "yyyy-MM-ddTHH:mm";

    public int? Id { get; set; }
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public string Schedule { get; set; } = "once";
    /// <summary>UTC, as <see cref="LocalFormat"/> (what a datetime-local input gives).</summary>
    public string? Start { get; set; }
    public string? End { get; set; }
    public string? Cron { get; set; }
    public IReadOnlyCollection<string> WeekDays { get; set; } = [];
    public string? StartTime { get; set; }
    public int? DurationMinutes { get; set; } = 60;
    public string? TimeZone { get; set; } = "UTC";
    public IReadOnlyCollection<int> MonitorIds { get; set; } = [];
    public IReadOnlyCollection<int> HostGroupIds { get; set; } = [];
    public bool Enabled { get; set; } = true;

    public static MaintenanceForm Of(MaintenanceWindow w)
    {
        var input = MaintenanceWindowInput.Of(w);
        return new()
        {
            Id = w.Id, Title = w.Title, Description = w.Description, Schedule = input.Schedule!, Start = Text(w.StartsAt), End = Text(w.EndsAt),
            Cron = w.Cron, WeekDays = input.WeekDays ?? [], StartTime = input.StartTime, DurationMinutes = input.DurationMinutes ?? 60,
            TimeZone = w.TimeZone ?? "UTC", MonitorIds = input.MonitorIds!, HostGroupIds = input.HostGroupIds!, Enabled = w.Enabled,
        };
    }

    public MaintenanceWindowInput ToInput() => new(Title, Description, [.. MonitorIds], [.. HostGroupIds], Schedule, Time(Start), Time(End), Cron,
        [.. WeekDays], StartTime, DurationMinutes, TimeZone, null, null, Enabled);

    private static string? Text(DateTime? utc) => utc?.ToString(LocalFormat, CultureInfo.InvariantCulture);

    private static DateTime? Time(string? text) =>
        DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t) ? t : null;
}
