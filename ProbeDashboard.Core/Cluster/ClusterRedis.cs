using StackExchange.Redis;

namespace ProbeDashboard.Core.Cluster;

/// <summary>
/// The node's one Redis connection (Cluster:Redis), opened at start-up so an unreachable Redis stops the start with a
/// clear line. Today nothing else uses it; the cross-node event bus and the SignalR backplane will share it. Once
/// connected, StackExchange.Redis reconnects by itself after a loss.
/// </summary>
public sealed class ClusterRedis : IDisposable
{
    public IConnectionMultiplexer? Connection { get; private set; }

    public bool IsConnected => Connection?.IsConnected ?? false;

    /// <returns>Why Redis cannot be used, in one line, or null once connected.</returns>
    public async Task<string?> ConnectAsync(string configuration, TimeSpan timeout)
    {
        ConfigurationOptions options;
        try
        {
            options = ConfigurationOptions.Parse(configuration);
        }
        catch (ArgumentException e)
        {
            return $"Cluster:Redis is not a valid Redis configuration string: {e.Message}";
        }
        options.AbortOnConnectFail = true;
        options.ConnectTimeout = (int)timeout.TotalMilliseconds;
        options.ClientName = "probedashboard";
        try
        {
            Connection = await ConnectionMultiplexer.ConnectAsync(options);
            return null;
        }
        catch (RedisConnectionException e)
        {
            return $"Cannot connect to Redis at {string.Join(", ", options.EndPoints)}: {e.Message.Split('\n')[0]}";
        }
    }

    public void Dispose() => Connection?.Dispose();
}
