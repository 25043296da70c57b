using ProbeDashboard.Core.Cluster;

namespace ProbeDashboard.Health;

/// <summary>
/// /readyz's Redis line, in a cluster only. A lost Redis is "degraded", not a failure: the node still probes, writes
/// and serves; only live updates between nodes pause until StackExchange.Redis reconnects. Failing readiness would make
/// a load balancer take every node out at once when the one Redis goes away.
/// </summary>
public static class RedisReadiness
{
    public static ReadinessPart Check(ClusterRedis redis)
    {
        if (redis.IsConnected) return new("redis", true, "connected: live updates reach the other nodes");
        return new("redis", true, $"lost ({redis.LastFailure ?? "not connected"}): reconnecting; live updates between nodes paused", Degraded: true);
    }

    public static bool Applies(ClusterMembership membership) => membership.Enabled;
}
