using ProbeDashboard.Core.Monitors;

namespace ProbeDashboard.Monitors;

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

    public static string CssClass(this ShownStatus status) => "status status-" + status.ToString().ToLowerInvariant();

    /// <summary>The resource key of the status' label.</summary>
    public static string TextKey(this ShownStatus status) => "Status" + status;
}
