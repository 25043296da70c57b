using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Hosts;

namespace ProbeDashboard.Core.Agents;

public static class AgentsServiceCollectionExtensions
{
    /// <summary>The server's side of agents and hosts: tokens, registration, heartbeats, reports, task lists, liveness.</summary>
    public static IServiceCollection AddAgentsAndHosts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HostOptions>().Bind(configuration.GetSection(HostOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AgentTokenService>();
        services.AddSingleton<AgentService>();
        services.AddSingleton<ProfileService>();
        services.AddSingleton<AgentRegistrar>();
        services.AddSingleton<AgentReports>();
        services.AddSingleton<AgentTaskCatalog>();
        services.AddSingleton<HostLiveness>();
        services.AddSingleton<HeartbeatRecorder>();
        services.AddSingleton<HostService>();
        services.AddSingleton<HostGroupService>();
        services.AddSingleton<ClusterNodeHosts>();
        services.AddHostedService<HostHousekeepingService>();
        services.AddHostedService<ServerMetricsService>();
        return services;
    }
}
