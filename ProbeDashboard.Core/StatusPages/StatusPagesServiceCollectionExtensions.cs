using Microsoft.Extensions.DependencyInjection;

namespace ProbeDashboard.Core.StatusPages;

public static class StatusPagesServiceCollectionExtensions
{
    /// <summary>Status pages: the admin service, their incidents, and the public reader with its short cache; maintenance windows; e-mail subscriptions and their mailer.</summary>
    public static IServiceCollection AddStatusPages(this IServiceCollection services)
    {
        services.AddSingleton<PublicStatusCache>();
        services.AddSingleton<StatusPageService>();
        services.AddSingleton<PublicStatusReader>();
        services.AddSingleton<PublicBadgeReader>();
        services.AddHostedService<PublicStatusInvalidation>();
        services.AddSingleton<Incidents.IncidentService>();
        services.AddSingleton<Maintenance.MaintenanceWindowService>();
        services.AddSingleton<Maintenance.MaintenanceCalendar>();
        services.AddOptions<Subscriptions.SubscriptionOptions>().BindConfiguration(Subscriptions.SubscriptionOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Subscriptions.SubscriberMail>();
        services.AddSingleton<Subscriptions.SubscriptionService>();
        services.AddSingleton<Subscriptions.MonitorChangeMailer>();
        services.AddHostedService(sp => sp.GetRequiredService<Subscriptions.MonitorChangeMailer>());
        return services;
    }
}
