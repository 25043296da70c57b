using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Prometheus;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Cluster;

/// <summary>
/// In a cluster every series at /metrics carries <c>node="&lt;Cluster:NodeName&gt;"</c>, so one Prometheus scraping all
/// nodes can tell them apart and sum them. A single server's series stay as they were.
/// </summary>
public static class ClusterMetricLabels
{
    public const string Label = "node";

    public static CollectorRegistry NewRegistry(IServiceProvider services)
    {
        var registry = Metrics.NewCustomRegistry();
        var cluster = services.GetRequiredService<IOptions<ClusterOptions>>().Value;
        // Static labels can only be set on an empty registry: this runs when the registry is first resolved.
        if (ClusterOptions.IsEnabled(services.GetRequiredService<IOptions<StorageOptions>>().Value, cluster))
            registry.SetStaticLabels(new Dictionary<string, string> { [Label] = cluster.EffectiveNodeName });
        return registry;
    }
}
