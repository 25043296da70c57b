using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ProbeDashboard.Core.Compat.ProbeFlows;

public static class ProbeFlowsServiceCollectionExtensions
{
    /// <summary>The probe-flow registry (seed 000).</summary>
    public static IServiceCollection AddProbeFlows(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ProbeFlowOptions>().Bind(configuration.GetSection(ProbeFlowOptions.Section));
        services.AddSingleton<ProbeFlowService>();
        return services;
    }
}
