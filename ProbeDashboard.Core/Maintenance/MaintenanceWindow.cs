namespace ProbeDashboard.Core.Maintenance;

public enum MaintenanceScheduleKind
{
    /// <summary>From <see cref="MaintenanceWindow.StartsAt"/> to <see cref="MaintenanceWindow.EndsAt"/>, once.</summary>
    Once = 0,
    /// <summary>Starts at each occurrence of a 5-field cron expression in the window's time zone.</summary>
    Cron = 1,
    /// <summary>Starts on the chosen week days at a local time of day in the window's time zone.</summary>
    Weekly = 2,
}

/// <summary>
/// A span of time in which the chosen monitors (and the hosts of the chosen host groups) are being worked on: their
/// probes keep running and results are stored, but no alert fires and no notification goes out for them. Whether a
/// window is active is a pure function of the clock (<see cref="MaintenanceSchedule"/>), so nothing is scheduled per
/// window and a restart loses nothing.
/// </summary>
public class MaintenanceWindow
{
    public int Id { get; set; }
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public bool Enabled { get; set; } = true;
    public MaintenanceScheduleKind Kind { get; set; }
    /// <summary>UTC start of a one-off window.</summary>
    public DateTime? StartsAt { get; set; }
    /// <summary>UTC end (exclusive) of a one-off window.</summary>
    public DateTime? EndsAt { get; set; }
    /// <summary>5-field cron of a <see cref="MaintenanceScheduleKind.Cron"/> window.</summary>
    public string? Cron { get; set; }
    /// <summary>Bit <c>1 &lt;&lt; (int)DayOfWeek</c> per day of a weekly window (Sunday = bit 0).</summary>
    public int WeekDays { get; set; }
    /// <summary>Local start time of a weekly window, in minutes after midnight.</summary>
    public int StartMinuteOfDay { get; set; }
    /// <summary>How long each occurrence of a recurring window lasts, in minutes.</summary>
    public int DurationMinutes { get; set; }
    /// <summary>IANA time zone the recurring schedule is read in; UTC when null.</summary>
    public string? TimeZone { get; set; }
    /// <summary>No occurrence counts before this UTC instant (recurring windows).</summary>
    public DateTime? ActiveFrom { get; set; }
    /// <summary>No occurrence counts from this UTC instant on (recurring windows).</summary>
    public DateTime? ActiveUntil { get; set; }
    public List<MaintenanceWindowMonitor> Monitors { get; set; } = [];
    public List<MaintenanceWindowHostGroup> HostGroups { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public MaintenanceSchedule Schedule => MaintenanceSchedule.Of(this);
}

/// <summary>A monitor a window covers; deleting the monitor removes it from every window.</summary>
public class MaintenanceWindowMonitor
{
    public int MaintenanceWindowId { get; set; }
    public int MonitorId { get; set; }
}

/// <summary>A host group a window covers: its hosts' alerts and the monitors that run only on it are muted.</summary>
public class MaintenanceWindowHostGroup
{
    public int MaintenanceWindowId { get; set; }
    public int HostGroupId { get; set; }
}
