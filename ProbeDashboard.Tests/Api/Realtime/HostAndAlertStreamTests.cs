using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Events;

namespace ProbeDashboard.Tests.Api.Realtime;

[Collection(RealtimeCollection.Name)]
public class HostAndAlertStreamTests(RealtimeAppFixture fixture)
{
    private static readonly DateTime At = new(2025, 10, 7, 10, 5, 0, DateTimeKind.Utc);

    private void Publish(object evt) => fixture.App.Services.GetRequiredService<EventBus>().Publish(evt);

    private static HostMetricsSampled Metrics(int hostId, double cpu) => new(hostId, $"host-{hostId}", Guid.NewGuid(), At,
        new Dictionary<string, double>
        {
            ["cpu_usage"] = cpu, ["mem_usage"] = 68.2, ["disk_usage"] = 45.8, ["load"] = 0.5,
            ["net_in_speed"] = 1024000, ["net_out_speed"] = 512000,
        });

    private static AlertEventChanged Alert(AlertEventChange change, long id, AlertLevel level) => new(change, new AlertEventSummary(
        id, 1, "CPU usage", AlertTargetType.Host, 1, "prod-server-01", level,
        change == AlertEventChange.Resolved ? AlertEventStatus.Resolved : AlertEventStatus.Firing,
        "主机CPU使用率过高", "cpu_usage 92.5 > 90", At.AddMinutes(-5), TriggerTime: At, RecoverTime: change == AlertEventChange.Resolved ? At.AddMinutes(15) : null,
        SilenceUntil: null, Acknowledged: false));

    [Fact]
    public async Task Host_subscribers_get_host_state_in_the_seed_shape_for_their_hosts_only()
    {
        await using var client = await SocketTestClient.ConnectAsync(new Uri(fixture.WebSocketBase, "/api/v1/ws/host-monitor"), await fixture.ViewerTokenAsync());
        await client.SendAsync("""{"action":"subscribe","host_ids":[1,2,3]}""");
        await client.SendAsync("""{"action":"unsubscribe","host_ids":[1]}""");
        await client.SyncAsync();

        Publish(Metrics(1, 10));
        Publish(Metrics(4, 10));
        Publish(Metrics(2, 35.5));

        Assert.Equal("""{"type":"host_state","host_id":2,"data":{"timestamp":"2025-10-07T10:05:00Z","cpu_usage":35.5,"mem_usage":68.2,"disk_usage":45.8,"net_in_speed":1024000,"net_out_speed":512000}}""",
            (await client.ReceiveAsync()).GetRawText());
        await client.AssertNothingPendingAsync();
    }

    [Fact]
    public async Task Alert_subscribers_get_fired_and_resolved_of_their_levels_only()
    {
        await using var client = await SocketTestClient.ConnectAsync(new Uri(fixture.WebSocketBase, "/api/v1/ws/alert-events"), await fixture.ViewerTokenAsync());
        await client.SendAsync("""{"action":"subscribe","levels":["warning","critical"]}""");
        await client.SyncAsync();

        Publish(Alert(AlertEventChange.Opened, 7, AlertLevel.Warning));
        Publish(Alert(AlertEventChange.Fired, 6, AlertLevel.Info));
        Publish(Alert(AlertEventChange.Fired, 7, AlertLevel.Warning));
        Publish(Alert(AlertEventChange.Acknowledged, 7, AlertLevel.Warning));
        Publish(Alert(AlertEventChange.Resolved, 7, AlertLevel.Warning));

        Assert.Equal("""{"type":"alert_fired","event":{"id":7,"alert_rule_name":"CPU usage","target_name":"prod-server-01","level":"warning","title":"主机CPU使用率过高","message":"cpu_usage 92.5 > 90","trigger_time":"2025-10-07T10:05:00Z"}}""",
            (await client.ReceiveAsync()).GetRawText());
        Assert.Equal("""{"type":"alert_resolved","event_id":7,"recover_time":"2025-10-07T10:20:00Z"}""",
            (await client.ReceiveAsync()).GetRawText());
        await client.AssertNothingPendingAsync();
    }

    [Fact]
    public async Task Bad_levels_get_an_error_frame()
    {
        await using var client = await SocketTestClient.ConnectAsync(new Uri(fixture.WebSocketBase, "/api/v1/ws/alert-events"), fixture.AdminToken);
        await client.SendAsync("""{"action":"subscribe","levels":["loud"]}""");
        Assert.Contains("levels", (await client.ReceiveAsync()).GetProperty("message").GetString());
    }

    [Fact]
    public async Task Hub_clients_get_the_same_host_and_alert_payloads()
    {
        await using var hub = await HubTestClient.ConnectAsync(new Uri(fixture.WebSocketBase, "/hubs/monitoring"), fixture.AdminToken);
        await hub.CallAsync("SubscribeHosts", new[] { 9 });
        await hub.CallAsync("SubscribeAlerts", (object)new[] { "critical" });

        Publish(Metrics(9, 12.25));
        Publish(Alert(AlertEventChange.Fired, 8, AlertLevel.Warning));
        Publish(Alert(AlertEventChange.Fired, 9, AlertLevel.Critical));

        // Each stream has its own feed, so the two pushes may arrive in either order.
        var pushes = new[] { await hub.ReceivePushAsync(), await hub.ReceivePushAsync() }
            .ToDictionary(p => p.GetProperty("target").GetString()!, p => p.GetProperty("arguments")[0]);
        Assert.Equal(12.25, pushes["host_state"].GetProperty("data").GetProperty("cpu_usage").GetDouble());
        Assert.Equal(9, pushes["alert_fired"].GetProperty("event").GetProperty("id").GetInt64());
        await hub.AssertNothingPendingAsync();
    }
}
