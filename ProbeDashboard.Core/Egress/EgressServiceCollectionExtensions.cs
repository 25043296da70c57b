using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ProbeDashboard.Core.Egress;

public static class EgressServiceCollectionExtensions
{
    /// <summary>
    /// The egress policies bound to the "Egress" section of whatever configuration the host has (the server's,
    /// or an agent's own), validated at start so a typo in a CIDR list stops the start instead of a probe.
    /// </summary>
    public static IServiceCollection AddEgressPolicy(this IServiceCollection services)
    {
        services.AddOptions<EgressOptions>().BindConfiguration(EgressOptions.Section)
            .Validate(o => EgressPolicy.Problem([.. o.Probes.Allow, .. o.Probes.Deny, .. o.Webhooks.Allow, .. o.Webhooks.Deny]) is null,
                "Egress: every Allow/Deny entry must be a CIDR range like 10.0.0.0/8 or a single address")
            .ValidateOnStart();
        services.TryAddSingleton<EgressPolicies>();
        services.TryAddSingleton<IEgressResolver, DnsEgressResolver>();
        services.TryAddSingleton<EgressConnector>();
        return services;
    }

    /// <summary>
    /// Makes an HttpClient connect through the egress policy of <paramref name="scope"/>: the one line a new outgoing
    /// client needs. Redirects stay on (each hop connects through the policy); no proxy, which would hide the target
    /// from the policy. A hostile receiver costs bounded memory: headers up to 64 KiB, buffered bodies up to 1 MiB.
    /// </summary>
    public static IHttpClientBuilder UseEgressPolicy(this IHttpClientBuilder builder, EgressScope scope)
    {
        builder.Services.AddEgressPolicy();
        return builder
            .ConfigureHttpClient(client => client.MaxResponseContentBufferSize = ResponseLimits.MaxBodyBytes)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                UseProxy = false,
                MaxResponseHeadersLength = ResponseLimits.MaxHeadersKib,
                ConnectCallback = sp.GetRequiredService<EgressConnector>().HttpCallback(scope),
            });
    }
}
