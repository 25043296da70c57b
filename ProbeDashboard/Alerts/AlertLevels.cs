using ProbeDashboard.Core.Alerts;
using MudBlazor;

namespace ProbeDashboard.Alerts;

/// <summary>How alert levels and statuses look in the UI: resource keys and colours.</summary>
public static class AlertLevels
{
    public static string TextKey(AlertLevel level) => "AlertLevel" + level;

    public static string TextKey(AlertEventStatus status) => "AlertStatus" + status;

    public static string CssClass(AlertLevel level) => "status alert-level-" + level.ToString().ToLowerInvariant();

    public static string CssClass(AlertEventStatus status) => "status alert-status-" + status.ToString().ToLowerInvariant();

    public static Severity Severity(AlertLevel level) => level switch
    {
        AlertLevel.Critical => MudBlazor.Severity.Error,
        AlertLevel.Warning => MudBlazor.Severity.Warning,
        _ => MudBlazor.Severity.Info,
    };
}
