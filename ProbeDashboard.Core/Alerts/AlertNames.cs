namespace ProbeDashboard.Core.Alerts;

/// <summary>The wire names of seed 001 for the alerting enums, in one place.</summary>
public static class AlertNames
{
    public static string Of(AlertRuleType type) => type == AlertRuleType.HostMonitor ? "host_monitor" : "service_probe";

    public static string Of(AlertLevel level) => level switch
    {
        AlertLevel.Info => "info",
        AlertLevel.Warning => "warning",
        _ => "critical",
    };

    public static string Of(AlertTargetType type) => type == AlertTargetType.Host ? "host" : "service";

    public static string Of(AlertEventStatus status) => status switch
    {
        AlertEventStatus.Pending => "pending",
        AlertEventStatus.Firing => "firing",
        AlertEventStatus.Silenced => "silenced",
        _ => "resolved",
    };

    public static bool TryParseRuleType(string? value, out AlertRuleType type)
    {
        type = value switch { "host_monitor" => AlertRuleType.HostMonitor, "service_probe" => AlertRuleType.ServiceProbe, _ => 0 };
        return type != 0;
    }

    public static bool TryParseLevel(string? value, out AlertLevel level)
    {
        level = value switch { "info" => AlertLevel.Info, "warning" => AlertLevel.Warning, "critical" => AlertLevel.Critical, _ => 0 };
        return level != 0;
    }

    public static bool TryParseTargetType(string? value, out AlertTargetType type)
    {
        type = value switch { "host" => AlertTargetType.Host, "service" => AlertTargetType.Service, _ => 0 };
        return type != 0;
    }

    public static bool TryParseStatus(string? value, out AlertEventStatus status)
    {
        status = value switch
        {
            "pending" => AlertEventStatus.Pending,
            "firing" => AlertEventStatus.Firing,
            "resolved" => AlertEventStatus.Resolved,
            "silenced" => AlertEventStatus.Silenced,
            _ => 0,
        };
        return status != 0;
    }
}
