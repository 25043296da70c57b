using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using ProbeDashboard.Core.Cluster;
using StackExchange.Redis;

namespace ProbeDashboard.Cluster;

/// <summary>
/// The Redis backplane, minus its one dependency we cannot accept: <see cref="RedisHubLifetimeManager{THub}"/> refuses
/// a connection when it cannot subscribe in Redis, so a lost Redis would shut new hub clients out of their own node.
/// Here a connection made while Redis is away is held in memory instead: it gets its own node's pushes (which is all
/// a node sends while Redis is away) and only misses sends addressed to it from other nodes.
/// </summary>
public sealed partial class RedisOptionalHubLifetimeManager<THub>(
    RedisHubLifetimeManager<THub> redis,
    DefaultHubLifetimeManager<THub> local,
    ClusterRedis connection,
    ILogger<RedisOptionalHubLifetimeManager<THub>> logger) : HubLifetimeManager<THub>, IDisposable where THub : Microsoft.AspNetCore.SignalR.Hub
{
    private readonly ConcurrentDictionary<string, byte> _localOnly = new();

    public override async Task OnConnectedAsync(HubConnectionContext hubConnection)
    {
        if (connection.IsConnected)
        {
            try
            {
                await redis.OnConnectedAsync(hubConnection);
                return;
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                // Lost between the check and the subscription: forget the half-made registration.
                await ForgetInRedisAsync(hubConnection);
            }
        }
        LogLocalOnly(logger, hubConnection.ConnectionId);
        _localOnly[hubConnection.ConnectionId] = 0;
        await local.OnConnectedAsync(hubConnection);
    }

    public override async Task OnDisconnectedAsync(HubConnectionContext hubConnection)
    {
        if (_localOnly.TryRemove(hubConnection.ConnectionId, out _)) await local.OnDisconnectedAsync(hubConnection);
        else await ForgetInRedisAsync(hubConnection);
    }

    private async Task ForgetInRedisAsync(HubConnectionContext hubConnection)
    {
        try
        {
            await redis.OnDisconnectedAsync(hubConnection);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // Its Redis subscriptions died with the Redis connection anyway.
        }
    }

    private bool IsLocal(string connectionId) => _localOnly.ContainsKey(connectionId);

    public override Task SendConnectionAsync(string connectionId, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        IsLocal(connectionId)
            ? local.SendConnectionAsync(connectionId, methodName, args, cancellationToken)
            : redis.SendConnectionAsync(connectionId, methodName, args, cancellationToken);

    public override Task SendConnectionsAsync(IReadOnlyList<string> connectionIds, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        Task.WhenAll(
            local.SendConnectionsAsync([.. connectionIds.Where(IsLocal)], methodName, args, cancellationToken),
            redis.SendConnectionsAsync([.. connectionIds.Where(id => !IsLocal(id))], methodName, args, cancellationToken));

    // Sends to many connections go both ways: Redis reaches every node's registered connections, the local manager
    // the ones held here.
    public override Task SendAllAsync(string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        Task.WhenAll(local.SendAllAsync(methodName, args, cancellationToken), redis.SendAllAsync(methodName, args, cancellationToken));

    public override Task SendAllExceptAsync(string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds, CancellationToken cancellationToken = default) =>
        Task.WhenAll(local.SendAllExceptAsync(methodName, args, excludedConnectionIds, cancellationToken),
            redis.SendAllExceptAsync(methodName, args, excludedConnectionIds, cancellationToken));

    public override Task SendGroupAsync(string groupName, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        Task.WhenAll(local.SendGroupAsync(groupName, methodName, args, cancellationToken), redis.SendGroupAsync(groupName, methodName, args, cancellationToken));

    public override Task SendGroupsAsync(IReadOnlyList<string> groupNames, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        Task.WhenAll(local.SendGroupsAsync(groupNames, methodName, args, cancellationToken), redis.SendGroupsAsync(groupNames, methodName, args, cancellationToken));

    public override Task SendGroupExceptAsync(string groupName, string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds, CancellationToken cancellationToken = default) =>
        Task.WhenAll(local.SendGroupExceptAsync(groupName, methodName, args, excludedConnectionIds, cancellationToken),
            redis.SendGroupExceptAsync(groupName, methodName, args, excludedConnectionIds, cancellationToken));

    public override Task SendUserAsync(string userId, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        Task.WhenAll(local.SendUserAsync(userId, methodName, args, cancellationToken), redis.SendUserAsync(userId, methodName, args, cancellationToken));

    public override Task SendUsersAsync(IReadOnlyList<string> userIds, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        Task.WhenAll(local.SendUsersAsync(userIds, methodName, args, cancellationToken), redis.SendUsersAsync(userIds, methodName, args, cancellationToken));

    public override Task AddToGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default) =>
        IsLocal(connectionId)
            ? local.AddToGroupAsync(connectionId, groupName, cancellationToken)
            : redis.AddToGroupAsync(connectionId, groupName, cancellationToken);

    public override Task RemoveFromGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default) =>
        IsLocal(connectionId)
            ? local.RemoveFromGroupAsync(connectionId, groupName, cancellationToken)
            : redis.RemoveFromGroupAsync(connectionId, groupName, cancellationToken);

    public void Dispose() => redis.Dispose();

    [LoggerMessage(Level = LogLevel.Debug, Message = "Hub connection {ConnectionId} is held on this node only: Redis is away")]
    private static partial void LogLocalOnly(ILogger logger, string connectionId);
}
