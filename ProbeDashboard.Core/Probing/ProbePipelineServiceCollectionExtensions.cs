using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Egress;
using ProbeDashboard.Core.Hosts;
using ProbeDashboard.Core.Push;
using ProbeDashboard.Core.Probing.Http;
using ProbeDashboard.Core.Results;

namespace ProbeDashboard.Core.Probing;

public static class ProbePipelineServiceCollectionExtensions
{
    /// <summary>Probes, the runner and dispatcher, and the single result writer with its retention cleaner.</summary>
    public static IServiceCollection AddProbePipeline(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ResultWriterOptions>().Bind(configuration.GetSection(ResultWriterOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(RetentionOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();

        services.AddProbes();
        services.AddSingleton<ProbingMetrics>();
        services.AddSingleton<ProbeDispatcher>();

        services.AddSingleton<ResultWriterMetrics>();
        services.AddSingleton<ResultWriter>();
        services.AddSingleton<MonitorStatusTracker>();
        services.AddSingleton<MonitorRoundTracker>();
        services.AddSingleton<ResultBatchStore>();
        services.AddSingleton<ResultWriterService>();
        services.AddHostedService(sp => sp.GetRequiredService<ResultWriterService>());
        services.AddSingleton<RetentionSettings>();
        services.AddSingleton<RetentionCleaner>();

        // Push monitors: pings in, missed deadlines found by one periodic sweep.
        services.AddOptions<PushOptions>().Bind(configuration.GetSection(PushOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ServerHostLookup>();
        services.AddSingleton<PushReceiver>();
        services.AddSingleton<PushDeadlineSweeper>();
        services.AddHostedService<PushDeadlineService>();
        return services;
    }

    /// <summary>
    /// The probes and the runner alone: what the agent mode needs to run the same rounds as the server. The egress
    /// policy comes with them, read from the host's own "Egress" configuration.
    /// </summary>
    public static IServiceCollection AddProbes(this IServiceCollection services)
    {
        services.AddEgressPolicy();
        services.AddSingleton(sp => TlsTrust.FromConfiguration(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<HttpHandlerPool>();
        services.AddSingleton<IProbe, HttpProbe>();
        services.AddSingleton<IProbe, TcpProbe>();
        services.AddSingleton<IProbe, IcmpProbe>();
        services.AddSingleton<IProbe, TlsProbe>();
        services.AddSingleton<IProbe, Dns.DnsProbe>();
        services.AddSingleton<ProbeDeadlines>();
        services.AddSingleton<ProbeRunner>();
        return services;
    }
}
