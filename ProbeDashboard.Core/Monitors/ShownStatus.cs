namespace ProbeDashboard.Core.Monitors;

/// <summary>
/// What the operator sees: a switched-off monitor is "paused" whatever its last result was; a live one inside an active
/// maintenance window is "maintenance" (it is still probed, but its results alert nobody).
/// </summary>
public enum ShownStatus
{
    Unknown,
    Online,
    Offline,
    Paused,
    Maintenance,
}

public static class ShownStatusExtensions
{
    public static ShownStatus Shown(bool enabled, MonitorStatus status, bool inMaintenance = false) =>
        !enabled ? ShownStatus.Paused
        : inMaintenance ? ShownStatus.Maintenance
        : status switch
        {
            MonitorStatus.Online => ShownStatus.Online,
            MonitorStatus.Offline => ShownStatus.Offline,
            _ => ShownStatus.Unknown,
        };

    /// <summary>The monitors the operator sees in <paramref name="shown"/>, as a filter SQL can run.</summary>
    /// <param name="inMaintenance">The monitors in an active maintenance window (few: the windows name them).</param>
    public static IQueryable<MonitorDefinition> Showing(this IQueryable<MonitorDefinition> monitors, ShownStatus? shown, IReadOnlySet<int> inMaintenance)
    {
        var ids = inMaintenance.ToList();
        return shown switch
        {
            ShownStatus.Paused => monitors.Where(m => !m.Enabled),
            ShownStatus.Maintenance => monitors.Where(m => m.Enabled && ids.Contains(m.Id)),
            ShownStatus.Online => monitors.Where(m => m.Enabled && m.Current.Status == MonitorStatus.Online && !ids.Contains(m.Id)),
            ShownStatus.Offline => monitors.Where(m => m.Enabled && m.Current.Status == MonitorStatus.Offline && !ids.Contains(m.Id)),
            ShownStatus.Unknown => monitors.Where(m => m.Enabled && m.Current.Status == MonitorStatus.Unknown && !ids.Contains(m.Id)),
            _ => monitors,
        };
    }
}
