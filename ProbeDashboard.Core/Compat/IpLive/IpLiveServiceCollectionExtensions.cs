using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Notifications;

namespace ProbeDashboard.Core.Compat.IpLive;

public static class IpLiveServiceCollectionExtensions
{
    /// <summary>iplive (seed 002): apps, groups, nodes, result ingest and round callbacks.</summary>
    public static IServiceCollection AddIpLive(this IServiceCollection services)
    {
        services.AddSingleton<IpLiveApps>();
        services.AddSingleton<IpLiveGroups>();
        services.AddSingleton<IpLiveNodes>();
        services.AddSingleton<IpLiveDeal>();
        services.AddSingleton<INotificationChannel, IpLiveCallbackChannel>();
        services.AddSingleton<IpLiveRoundTracker>();
        services.AddHostedService(sp => sp.GetRequiredService<IpLiveRoundTracker>());
        return services;
    }
}
