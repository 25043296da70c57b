using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Alerts.Escalation;
using ProbeDashboard.Notifications;

namespace ProbeDashboard.Alerts;

public static class AlertingSetup
{
    /// <summary>The alert engine, its services, the notification outbox and channels (all in Core).</summary>
    public static WebApplicationBuilder AddAlerting(this WebApplicationBuilder builder)
    {
        builder.Services.AddAlerting(builder.Configuration);
        return builder;
    }

    public static void MapAlertingApis(this IEndpointRouteBuilder app)
    {
        app.MapAlertRulesApi();
        app.MapAlertEventsApi();
        app.MapAlertEventActionsApi();
        app.MapNotificationGroupsApi();
        app.MapEscalationPoliciesApi();
    }
}
