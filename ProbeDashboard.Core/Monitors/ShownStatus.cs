namespace ProbeDashboard.Core.Monitors;

/// <summary>What the operator sees: a switched-off monitor is "paused" whatever its last result was.</summary>
public enum ShownStatus
{
    Unknown,
    Online,
    Offline,
    Paused,
}

public static class ShownStatusExtensions
{
    public static ShownStatus Shown(bool enabled, MonitorStatus status) =>
        !enabled ? ShownStatus.Paused
        : status switch
        {
            MonitorStatus.Online => ShownStatus.Online,
            MonitorStatus.Offline => ShownStatus.Offline,
            _ => ShownStatus.Unknown,
        };

    /// <summary>The monitors the operator sees in <paramref name="shown"/>, as a filter SQL can run.</summary>
    public static IQueryable<MonitorDefinition> Showing(this IQueryable<MonitorDefinition> monitors, ShownStatus? shown) => shown switch
    {
        ShownStatus.Paused => monitors.Where(m => !m.Enabled),
        ShownStatus.Online => monitors.Where(m => m.Enabled && m.Current.Status == MonitorStatus.Online),
        ShownStatus.Offline => monitors.Where(m => m.Enabled && m.Current.Status == MonitorStatus.Offline),
        ShownStatus.Unknown => monitors.Where(m => m.Enabled && m.Current.Status == MonitorStatus.Unknown),
        _ => monitors,
    };
}
