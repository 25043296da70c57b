using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Realtime.Sockets;

namespace ProbeDashboard.Realtime.Hub;

/// <summary>
/// The seed 001 §5 subscriptions for SignalR clients. Pushes arrive as client methods named after the seed's
/// <c>type</c> (<c>probe_result</c>, <c>host_state</c>, <c>alert_fired</c>, <c>alert_resolved</c>) with the very
/// message the raw WebSocket endpoints send as their single argument.
/// </summary>
public sealed class MonitoringHub(HubSubscriptions subscriptions) : Microsoft.AspNetCore.SignalR.Hub
{
    public const string Path = "/hubs/monitoring";

    [Authorize(Permissions.ServiceMonitorsRead)]
    public void SubscribeHosts(int[] hostIds) =>
        subscriptions.Subscribe(Context.ConnectionId, RealtimeStream.HostMonitor, Ids(hostIds, "host ids"));

    [Authorize(Permissions.ServiceMonitorsRead)]
    public void UnsubscribeHosts(int[] hostIds) =>
        subscriptions.Unsubscribe(Context.ConnectionId, RealtimeStream.HostMonitor, Ids(hostIds, "host ids"));

    [Authorize(Permissions.ServiceMonitorsRead)]
    public void SubscribeServices(int[] serviceIds) =>
        subscriptions.Subscribe(Context.ConnectionId, RealtimeStream.ServiceProbe, Ids(serviceIds, "service ids"));

    [Authorize(Permissions.ServiceMonitorsRead)]
    public void UnsubscribeServices(int[] serviceIds) =>
        subscriptions.Unsubscribe(Context.ConnectionId, RealtimeStream.ServiceProbe, Ids(serviceIds, "service ids"));

    [Authorize(Permissions.AlertEventsRead)]
    public void SubscribeAlerts(string[] levels) =>
        subscriptions.Subscribe(Context.ConnectionId, RealtimeStream.AlertEvents, Levels(levels));

    [Authorize(Permissions.AlertEventsRead)]
    public void UnsubscribeAlerts(string[] levels) =>
        subscriptions.Unsubscribe(Context.ConnectionId, RealtimeStream.AlertEvents, Levels(levels));

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        subscriptions.Forget(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    // HubException messages reach the client even without detailed errors, so a wrong argument is explained.
    private static IReadOnlyList<string> Ids(int[]? ids, string what) =>
        ids is not null && ids.All(id => id > 0)
            ? ids.Select(RealtimePush.IdTopic).ToList()
            : throw new HubException($"{what} must be positive integers");

    private static IReadOnlyList<string> Levels(string[]? levels) =>
        levels is not null && levels.All(SubscriptionRequest.AlertLevels.Contains)
            ? levels
            : throw new HubException($"levels must be among: {string.Join(", ", SubscriptionRequest.AlertLevels)}");
}
