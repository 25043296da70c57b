using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using Microsoft.Extensions.Options;
using ProbeDashboard.Core.Cluster;
using ProbeDashboard.Core.Storage;
using ProbeDashboard.Realtime.Hub;
using StackExchange.Redis;

namespace ProbeDashboard.Cluster;

/// <summary>
/// In a cluster, the SignalR Redis backplane for the monitoring hub: a send to all clients, a group, a user or a
/// connection held by another node reaches it. Live probe results and alerts reach every node's clients through the
/// cross-node event bus (each node fans out to its own connections), so the backplane never doubles them.
/// </summary>
public static class ClusterBackplane
{
    /// <summary>Only when Cluster:Redis is set (and the data is in PostgreSQL); a single server keeps SignalR in memory.</summary>
    public static ISignalRServerBuilder AddClusterBackplane(this ISignalRServerBuilder signalR, IConfiguration configuration)
    {
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var cluster = configuration.GetSection(ClusterOptions.Section).Get<ClusterOptions>() ?? new ClusterOptions();
        if (!ClusterOptions.IsEnabled(storage, cluster)) return signalR;

        signalR.Services.AddOptions<RedisOptions>().Configure<ClusterRedis, IOptions<ClusterOptions>>((redis, connection, options) =>
        {
            // The node's one connection, opened and checked at start-up, instead of a second one per hub.
            redis.ConnectionFactory = _ => Task.FromResult(connection.Connection
                ?? throw new InvalidOperationException("The Redis connection is not open yet"));
            redis.Configuration.ChannelPrefix = RedisChannel.Literal(options.Value.ChannelPrefix + ":signalr");
        });
        // The monitoring hub only, not every hub: Blazor circuits are sticky to their node and never need another
        // node, and must keep working while Redis is away (the backplane subscribes per connection in Redis).
        // While Redis is away, new hub connections are held in memory rather than refused.
        signalR.Services.AddSingleton<RedisHubLifetimeManager<MonitoringHub>>();
        signalR.Services.AddSingleton<DefaultHubLifetimeManager<MonitoringHub>>();
        signalR.Services.AddSingleton<HubLifetimeManager<MonitoringHub>, RedisOptionalHubLifetimeManager<MonitoringHub>>();
        return signalR;
    }
}
