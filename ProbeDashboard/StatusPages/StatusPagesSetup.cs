using ProbeDashboard.StatusPages.Badges;
using ProbeDashboard.StatusPages.Incidents;
using ProbeDashboard.StatusPages.Maintenance;
using ProbeDashboard.StatusPages.Public;
using ProbeDashboard.StatusPages.Subscriptions;

namespace ProbeDashboard.StatusPages;

public static class StatusPagesSetup
{
    /// <summary>The public page's renderer and the subscribe form's rate limiter (Core's <c>AddStatusPages</c> brings the service and the reader).</summary>
    public static WebApplicationBuilder AddStatusPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PublicStatusRenderer>();
        builder.Services.AddSingleton<PublicResponseCache>();
        builder.Services.AddSingleton<SubscribeRateLimiter>();
        return builder;
    }

    /// <summary>/api/v1/status-pages (with their incidents) and /api/v1/maintenance-windows for operators, /status/{slug} (with its e-mail subscriptions) and /badge/{id}/*.svg for everyone.</summary>
    public static void MapStatusPages(this WebApplication app)
    {
        app.MapStatusPagesApi();
        app.MapIncidentsApi();
        app.MapPublicStatusPages();
        app.MapSubscribersApi();
        app.MapPublicSubscriptions();
        app.MapBadges();
        app.MapMaintenanceWindowsApi();
    }
}
