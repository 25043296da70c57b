using System.Net.WebSockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Results;
using ProbeDashboard.Core.Storage;
using ProbeDashboard.Realtime;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.Realtime;

[Collection(RealtimeCollection.Name)]
public class ServiceProbeSocketTests(RealtimeAppFixture fixture)
{
    private Uri Endpoint(string? accessToken = null) =>
        new(fixture.WebSocketBase, "/api/v1/ws/service-probe" + (accessToken is null ? "" : $"?access_token={accessToken}"));

    [Fact]
    public async Task A_subscriber_gets_the_seed_message_for_its_services_and_nothing_else()
    {
        await using var client = await SocketTestClient.ConnectAsync(Endpoint(), await fixture.ViewerTokenAsync());
        await client.SendAsync("""{"action":"subscribe","service_ids":[101,102]}""");
        await client.SyncAsync();

        fixture.PublishResults(RealtimeAppFixture.Result(101), RealtimeAppFixture.Result(103),
            RealtimeAppFixture.Result(102, hostId: 2, success: false, latencyMs: 0, statusCode: 0));

        Assert.Equal("""{"type":"probe_result","service_id":101,"data":{"timestamp":"2025-10-07T10:05:00Z","host_id":1,"success":true,"latency":0.352,"status_code":200}}""",
            (await client.ReceiveAsync()).GetRawText());
        Assert.Equal("""{"type":"probe_result","service_id":102,"data":{"timestamp":"2025-10-07T10:05:00Z","host_id":2,"success":false,"latency":0,"status_code":0}}""",
            (await client.ReceiveAsync()).GetRawText());
        await client.AssertNothingPendingAsync();
    }

    [Fact]
    public async Task Unsubscribe_stops_the_messages_of_those_services_only()
    {
        // A browser cannot set headers on an upgrade, so the token rides in the query here.
        await using var client = await SocketTestClient.ConnectAsync(Endpoint(await fixture.ViewerTokenAsync()));
        await client.SendAsync("""{"action":"subscribe","service_ids":[201,202]}""");
        await client.SendAsync("""{"action":"unsubscribe","service_ids":[201]}""");
        await client.SyncAsync();

        fixture.PublishResults(RealtimeAppFixture.Result(201), RealtimeAppFixture.Result(202));

        Assert.Equal(202, (await client.ReceiveAsync()).GetProperty("service_id").GetInt32());
        await client.AssertNothingPendingAsync();
    }

    [Fact]
    public async Task A_result_committed_by_the_real_writer_reaches_the_subscriber()
    {
        var monitor = TestMonitors.Tcp("realtime-writer", "127.0.0.1:9");
        int serverHostId;
        await using (var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<ProbeDbContext>>().CreateDbContextAsync())
        {
            db.Monitors.Add(monitor);
            await db.SaveChangesAsync();
            serverHostId = await db.Hosts.Where(h => h.IsServer).Select(h => h.Id).SingleAsync();
        }
        await using var client = await SocketTestClient.ConnectAsync(Endpoint(), fixture.AdminToken);
        await client.SendAsync($$"""{"action":"subscribe","service_ids":[{{monitor.Id}}]}""");
        await client.SyncAsync();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await fixture.App.Services.GetRequiredService<ResultWriter>().SubmitAsync(
            [RealtimeAppFixture.Result(monitor.Id, serverHostId, success: false, latencyMs: 1500, statusCode: 0)], timeout.Token);

        var message = await client.ReceiveAsync();
        Assert.Equal(monitor.Id, message.GetProperty("service_id").GetInt32());
        Assert.Equal(serverHostId, message.GetProperty("data").GetProperty("host_id").GetInt32());
        Assert.Equal(1.5, message.GetProperty("data").GetProperty("latency").GetDouble());
    }

    [Theory]
    [InlineData("not json at all", "malformed JSON")]
    [InlineData("[1,2]", "a message must be a JSON object")]
    [InlineData("""{"service_ids":[1]}""", "\"action\" is required")]
    [InlineData("""{"action":"dance","service_ids":[1]}""", "unknown action \"dance\"")]
    [InlineData("""{"action":"subscribe","host_ids":[1]}""", "\"service_ids\" is required")]
    [InlineData("""{"action":"subscribe","service_ids":["1"]}""", "positive integer ids")]
    [InlineData("""{"action":"subscribe","service_ids":[0]}""", "positive integer ids")]
    public async Task A_bad_frame_gets_an_error_frame_and_the_connection_keeps_working(string frame, string expected)
    {
        await using var client = await SocketTestClient.ConnectAsync(Endpoint(), fixture.AdminToken);

        await client.SendAsync(frame);
        var error = await client.ReceiveAsync();
        Assert.Equal("error", error.GetProperty("type").GetString());
        Assert.Contains(expected, error.GetProperty("message").GetString());

        await client.SendAsync("""{"action":"subscribe","service_ids":[301]}""");
        await client.SyncAsync();
        fixture.PublishResults(RealtimeAppFixture.Result(301));
        Assert.Equal(301, (await client.ReceiveAsync()).GetProperty("service_id").GetInt32());
    }

    [Fact]
    public async Task Binary_and_oversized_frames_get_an_error_frame_and_the_connection_keeps_working()
    {
        await using var client = await SocketTestClient.ConnectAsync(Endpoint(), fixture.AdminToken);

        await client.SendBinaryAsync([1, 2, 3]);
        Assert.Contains("only text frames", (await client.ReceiveAsync()).GetProperty("message").GetString());
        await client.SendAsync($$"""{"action":"subscribe","service_ids":[{{string.Join(",", Enumerable.Repeat(7, 40_000))}}]}""");
        Assert.Contains("larger than", (await client.ReceiveAsync()).GetProperty("message").GetString());

        await client.SendAsync("""{"action":"subscribe","service_ids":[311]}""");
        await client.SyncAsync();
        fixture.PublishResults(RealtimeAppFixture.Result(311));
        Assert.Equal(311, (await client.ReceiveAsync()).GetProperty("service_id").GetInt32());
    }

    [Fact]
    public async Task Without_a_valid_token_the_upgrade_is_refused_with_401_on_every_stream()
    {
        foreach (var stream in RealtimeStreamInfo.All)
        {
            var uri = new Uri(fixture.WebSocketBase, stream.Path);
            var anonymous = await Assert.ThrowsAsync<SocketTestClient.RefusedException>(() => SocketTestClient.ConnectAsync(uri));
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, anonymous.Status);
            var garbage = await Assert.ThrowsAsync<SocketTestClient.RefusedException>(
                () => SocketTestClient.ConnectAsync(new Uri(uri + "?access_token=not-a-jwt")));
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, garbage.Status);
        }
        Assert.Equal(0, fixture.Stats.Subscribers(RealtimeStream.ServiceProbe));
    }

    [Fact]
    public async Task The_query_token_is_accepted_on_realtime_paths_only_and_a_plain_request_is_told_to_upgrade()
    {
        using var http = new HttpClient { BaseAddress = new Uri(fixture.App.BaseUrl) };
        using var elsewhere = await http.GetAsync($"/api/v1/auth/me?access_token={fixture.AdminToken}");
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, elsewhere.StatusCode);

        using var plain = await http.GetAsync($"/api/v1/ws/service-probe?access_token={fixture.AdminToken}");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, plain.StatusCode);
        Assert.Contains("upgrade", await plain.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_foreign_browser_origin_is_refused_while_the_own_and_configured_origins_connect()
    {
        var refused = await Assert.ThrowsAsync<SocketTestClient.RefusedException>(
            () => SocketTestClient.ConnectAsync(Endpoint(), fixture.AdminToken, origin: "https://evil.example.test"));
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, refused.Status);

        await using var own = await SocketTestClient.ConnectAsync(Endpoint(), fixture.AdminToken, origin: fixture.App.BaseUrl);
        await using var configured = await SocketTestClient.ConnectAsync(Endpoint(), fixture.AdminToken, origin: RealtimeAppFixture.AllowedOrigin);
        Assert.Equal(WebSocketState.Open, own.State);
        Assert.Equal(WebSocketState.Open, configured.State);
    }

    [Fact]
    public async Task Subscriber_counts_follow_connections_and_return_to_zero_after_close_or_abort()
    {
        await fixture.AssertNoSubscribersLeftAsync();
        var closing = await SocketTestClient.ConnectAsync(Endpoint(), fixture.AdminToken);
        var crashing = await SocketTestClient.ConnectAsync(Endpoint(), fixture.AdminToken);
        var hosts = await SocketTestClient.ConnectAsync(new Uri(fixture.WebSocketBase, "/api/v1/ws/host-monitor"), fixture.AdminToken);
        await Task.WhenAll(closing.SyncAsync(), crashing.SyncAsync(), hosts.SyncAsync());

        Assert.Equal(2, fixture.Stats.Subscribers(RealtimeStream.ServiceProbe));
        Assert.Equal(1, fixture.Stats.Subscribers(RealtimeStream.HostMonitor));

        await closing.CloseAsync();
        crashing.Abort();
        await hosts.CloseAsync();
        await fixture.AssertNoSubscribersLeftAsync();
        await closing.DisposeAsync();
        await crashing.DisposeAsync();
        await hosts.DisposeAsync();
    }
}
