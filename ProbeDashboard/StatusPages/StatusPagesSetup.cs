using ProbeDashboard.StatusPages.Badges;
using ProbeDashboard.StatusPages.Incidents;
using ProbeDashboard.StatusPages.Maintenance;
using ProbeDashboard.StatusPages.Public;

namespace ProbeDashboard.StatusPages;

public static class StatusPagesSetup
{
    /// <summary>The public page's renderer (Core's <c>AddStatusPages</c> brings the service and the reader).</summary>
    public static WebApplicationBuilder AddStatusPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PublicStatusRenderer>();
        return builder;
    }

    /// <summary>/api/v1/status-pages (with their incidents) and /api/v1/maintenance-windows for operators, /status/{slug} and /badge/{id}/*.svg for everyone.</summary>
    public static void MapStatusPages(this WebApplication app)
    {
        app.MapStatusPagesApi();
        app.MapIncidentsApi();
        app.MapPublicStatusPages();
        app.MapBadges();
        app.MapMaintenanceWindowsApi();
    }
}
