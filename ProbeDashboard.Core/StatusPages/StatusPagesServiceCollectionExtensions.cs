using Microsoft.Extensions.DependencyInjection;

namespace ProbeDashboard.Core.StatusPages;

public static class StatusPagesServiceCollectionExtensions
{
    /// <summary>Status pages: the admin service, their incidents, and the public reader with its short cache; maintenance windows.</summary>
    public static IServiceCollection AddStatusPages(this IServiceCollection services)
    {
        services.AddSingleton<PublicStatusCache>();
        services.AddSingleton<StatusPageService>();
        services.AddSingleton<PublicStatusReader>();
        services.AddSingleton<PublicBadgeReader>();
        services.AddSingleton<Incidents.IncidentService>();
        services.AddSingleton<Maintenance.MaintenanceWindowService>();
        services.AddSingleton<Maintenance.MaintenanceCalendar>();
        return services;
    }
}
