using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ProbeDashboard.Core.Cluster;

public static class ClusterServiceCollectionExtensions
{
    /// <summary>Membership, heartbeat and the nodes view; inert (no table writes) unless PostgreSQL and Cluster:Redis are set.</summary>
    public static IServiceCollection AddCluster(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ClusterOptions>().Bind(configuration.GetSection(ClusterOptions.Section));
        services.AddSingleton<ClusterMembership>();
        services.AddSingleton<ClusterNodeTable>();
        services.TryAddSingleton<IClusterWorkload, NoClusterWorkload>();
        services.AddSingleton<ClusterHeartbeat>();
        services.AddHostedService(sp => sp.GetRequiredService<ClusterHeartbeat>());
        services.AddSingleton<ClusterService>();
        services.AddSingleton<ClusterRedis>();
        services.AddSingleton<Bus.ClusterEventBridge>();
        services.AddHostedService(sp => sp.GetRequiredService<Bus.ClusterEventBridge>());
        return services;
    }
}
