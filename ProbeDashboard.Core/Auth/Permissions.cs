namespace ProbeDashboard.Core.Auth;

/// <summary>The permission names of seed 001, plus admin. Roles map to fixed sets of them.</summary>
public static class Permissions
{
    public const string ServiceMonitorsRead = "service_monitors:read";
    public const string ServiceMonitorsWrite = "service_monitors:write";
    public const string AlertRulesRead = "alert_rules:read";
    public const string AlertRulesWrite = "alert_rules:write";
    public const string AlertEventsRead = "alert_events:read";
    public const string AlertEventsWrite = "alert_events:write";
    public const string Admin = "admin";

    /// <summary>The claim type that carries one permission each.</summary>
    public const string ClaimType = "perm";

    public static readonly IReadOnlyList<string> All =
        [ServiceMonitorsRead, ServiceMonitorsWrite, AlertRulesRead, AlertRulesWrite, AlertEventsRead, AlertEventsWrite, Admin];

    private static readonly string[] ViewerSet = [ServiceMonitorsRead, AlertRulesRead, AlertEventsRead];
    private static readonly string[] OperatorSet = [.. ViewerSet, ServiceMonitorsWrite, AlertRulesWrite, AlertEventsWrite];

    public static IReadOnlyList<string> For(UserRole role) => role switch
    {
        UserRole.Admin => All,
        UserRole.Operator => OperatorSet,
        _ => ViewerSet,
    };
}
