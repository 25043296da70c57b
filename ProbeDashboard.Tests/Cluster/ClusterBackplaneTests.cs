using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Cluster;
using ProbeDashboard.Realtime.Hub;

namespace ProbeDashboard.Tests.Cluster;

/// <summary>The SignalR Redis backplane is there exactly in a cluster, and for the monitoring hub only.</summary>
public class ClusterBackplaneTests
{
    [Theory]
    [InlineData("PostgreSQL", "127.0.0.1:6379", true)]
    [InlineData("PostgreSQL", null, false)]
    [InlineData("Sqlite", null, false)]
    public void The_monitoring_hub_gets_the_backplane_only_in_a_cluster(string provider, string? redis, bool expected)
    {
        var settings = new Dictionary<string, string?> { ["Storage:Provider"] = provider, ["Cluster:Redis"] = redis };
        var services = new ServiceCollection();
        services.AddSignalR().AddClusterBackplane(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());

        var hubManager = services.LastOrDefault(s => s.ServiceType == typeof(HubLifetimeManager<MonitoringHub>));
        Assert.Equal(expected, hubManager?.ImplementationType == typeof(RedisOptionalHubLifetimeManager<MonitoringHub>));
        // Every other hub (the Blazor circuits' among them) keeps SignalR's in-memory manager.
        Assert.DoesNotContain(services, s => s.ServiceType == typeof(HubLifetimeManager<>)
            && s.ImplementationType?.Name.StartsWith("Redis", StringComparison.Ordinal) == true);
    }
}
