using ProbeDashboard.Core.Alerts;
using Radzen;

namespace ProbeDashboard.Alerts;

/// <summary>How alert levels and statuses look in the UI: resource keys and colours.</summary>
public static class AlertLevels
{
    public static string TextKey(AlertLevel level) => "AlertLevel" + level;

    public static string TextKey(AlertEventStatus status) => "AlertStatus" + status;

    public static string CssClass(AlertLevel level) => "status alert-level-" + level.ToString().ToLowerInvariant();

    public static string CssClass(AlertEventStatus status) => "status alert-status-" + status.ToString().ToLowerInvariant();

    public static NotificationSeverity Severity(AlertLevel level) => level switch
    {
        AlertLevel.Critical => NotificationSeverity.Error,
        AlertLevel.Warning => NotificationSeverity.Warning,
        _ => NotificationSeverity.Info,
    };
}
