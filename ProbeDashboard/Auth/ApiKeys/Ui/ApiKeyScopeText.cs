using Microsoft.Extensions.Localization;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Resources;

namespace ProbeDashboard.Auth.ApiKeys.Ui;

/// <summary>A key's scopes in words; the wire name stays beside them (scripts and docs use it).</summary>
public static class ApiKeyScopeText
{
    public static string Of(IStringLocalizer<UiText> text, string scope) => scope switch
    {
        Permissions.ServiceMonitorsRead => text["ScopeServiceMonitorsRead"],
        Permissions.ServiceMonitorsWrite => text["ScopeServiceMonitorsWrite"],
        Permissions.AlertRulesRead => text["ScopeAlertRulesRead"],
        Permissions.AlertRulesWrite => text["ScopeAlertRulesWrite"],
        Permissions.AlertEventsRead => text["ScopeAlertEventsRead"],
        Permissions.AlertEventsWrite => text["ScopeAlertEventsWrite"],
        _ => scope,
    };
}
