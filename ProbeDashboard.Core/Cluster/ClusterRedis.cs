using StackExchange.Redis;

namespace ProbeDashboard.Core.Cluster;

/// <summary>
/// The node's one Redis connection (Cluster:Redis), opened at start-up so an unreachable Redis stops the start with a
/// clear line. The cross-node event bus (Bus/ClusterEventBridge) and the SignalR backplane share it. Once connected,
/// StackExchange.Redis reconnects by itself after a loss; meanwhile /readyz reports <see cref="LastFailure"/>.
/// </summary>
public sealed class ClusterRedis : IDisposable
{
    public IConnectionMultiplexer? Connection { get; private set; }

    public bool IsConnected => Connection?.IsConnected ?? false;

    /// <summary>Why the connection was last lost, in one line (null while it never was).</summary>
    public string? LastFailure { get; private set; }

    /// <summary>Raised (on a Redis thread) when the connection is lost (false) and when it is back (true).</summary>
    public event Action<bool>? ConnectedChanged;

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
            var connection = await ConnectionMultiplexer.ConnectAsync(options);
            connection.ConnectionFailed += (_, e) =>
            {
                LastFailure = $"{e.FailureType}: {e.Exception?.Message.Split('\n')[0] ?? "connection lost"}";
                ConnectedChanged?.Invoke(false);
            };
            connection.ConnectionRestored += (_, _) => ConnectedChanged?.Invoke(true);
            Connection = connection;
            return null;
        }
        catch (RedisConnectionException e)
        {
            return $"Cannot connect to Redis at {string.Join(", ", options.EndPoints)}: {e.Message.Split('\n')[0]}";
        }
    }

    public void Dispose() => Connection?.Dispose();
}
