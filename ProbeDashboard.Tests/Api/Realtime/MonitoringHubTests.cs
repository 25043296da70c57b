using ProbeDashboard.Realtime;

namespace ProbeDashboard.Tests.Api.Realtime;

[Collection(RealtimeCollection.Name)]
public class MonitoringHubTests(RealtimeAppFixture fixture)
{
    private Uri Hub => new(fixture.WebSocketBase, "/hubs/monitoring");

    [Fact]
    public async Task A_hub_client_gets_the_same_probe_result_payload_for_its_services_only()
    {
        await using var hub = await HubTestClient.ConnectAsync(Hub, await fixture.ViewerTokenAsync());
        await hub.CallAsync("SubscribeServices", new[] { 501, 502 });

        fixture.PublishResults(RealtimeAppFixture.Result(503), RealtimeAppFixture.Result(501));

        var push = await hub.ReceivePushAsync();
        Assert.Equal("probe_result", push.GetProperty("target").GetString());
        Assert.Equal("""{"type":"probe_result","service_id":501,"data":{"timestamp":"2025-10-07T10:05:00Z","host_id":1,"success":true,"latency":0.352,"status_code":200}}""",
            push.GetProperty("arguments")[0].GetRawText());
        await hub.AssertNothingPendingAsync();
    }

    [Fact]
    public async Task Unsubscribing_on_the_hub_stops_those_services()
    {
        await using var hub = await HubTestClient.ConnectAsync(Hub, fixture.AdminToken);
        await hub.CallAsync("SubscribeServices", new[] { 511, 512 });
        await hub.CallAsync("UnsubscribeServices", new[] { 511 });

        fixture.PublishResults(RealtimeAppFixture.Result(511), RealtimeAppFixture.Result(512));

        Assert.Equal(512, (await hub.ReceivePushAsync()).GetProperty("arguments")[0].GetProperty("service_id").GetInt32());
        await hub.AssertNothingPendingAsync();
    }

    [Fact]
    public async Task Bad_arguments_get_an_error_and_the_connection_keeps_working()
    {
        await using var hub = await HubTestClient.ConnectAsync(Hub, fixture.AdminToken);

        var badLevel = await hub.InvokeAsync("SubscribeAlerts", (object)new[] { "loud" });
        Assert.Contains("levels must be among", badLevel.GetProperty("error").GetString());
        var badId = await hub.InvokeAsync("SubscribeServices", (object)new[] { -1 });
        Assert.Contains("positive integers", badId.GetProperty("error").GetString());
        var noSuchMethod = await hub.InvokeAsync("SubscribeEverything");
        Assert.True(noSuchMethod.TryGetProperty("error", out _));

        await hub.CallAsync("SubscribeServices", new[] { 521 });
        fixture.PublishResults(RealtimeAppFixture.Result(521));
        Assert.Equal(521, (await hub.ReceivePushAsync()).GetProperty("arguments")[0].GetProperty("service_id").GetInt32());
    }

    [Fact]
    public async Task Without_a_valid_token_the_hub_refuses_the_connection()
    {
        var anonymous = await Assert.ThrowsAsync<SocketTestClient.RefusedException>(() => SocketTestClient.ConnectAsync(Hub));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, anonymous.Status);
        var garbage = await Assert.ThrowsAsync<SocketTestClient.RefusedException>(() => HubTestClient.ConnectAsync(Hub, "not-a-jwt"));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, garbage.Status);
    }

    [Fact]
    public async Task Hub_subscriber_counts_return_to_zero_after_the_client_leaves()
    {
        await fixture.AssertNoSubscribersLeftAsync();
        var hub = await HubTestClient.ConnectAsync(Hub, fixture.AdminToken);
        await hub.CallAsync("SubscribeServices", new[] { 531 });
        await hub.CallAsync("SubscribeHosts", new[] { 1 });
        await hub.CallAsync("SubscribeAlerts", (object)new[] { "critical" });

        Assert.Equal(1, fixture.Stats.Subscribers(RealtimeStream.ServiceProbe));
        Assert.Equal(1, fixture.Stats.Subscribers(RealtimeStream.HostMonitor));
        Assert.Equal(1, fixture.Stats.Subscribers(RealtimeStream.AlertEvents));

        await hub.CloseAsync();
        await hub.DisposeAsync();
        await fixture.AssertNoSubscribersLeftAsync();
    }
}
