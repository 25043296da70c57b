using System.Diagnostics;
using System.Net.WebSockets;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Realtime;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.Realtime;

/// <summary>An app with a one-second keep-alive and a two-second client timeout, to watch dead clients being freed.</summary>
public sealed class KeepAliveAppFixture : IAsyncLifetime
{
    public LiveApp App { get; private set; } = null!;

    public string AdminToken { get; private set; } = "";

    public Uri Url(string path) => new(new Uri(App.BaseUrl.Replace("http://", "ws://", StringComparison.Ordinal)), path);

    public RealtimeStats Stats => App.Services.GetRequiredService<RealtimeStats>();

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        App = await LiveApp.StartAsync(new Dictionary<string, string>
        {
            ["Probing:SchedulerEnabled"] = "false",
            ["Realtime:KeepAliveSeconds"] = "1",
            ["Realtime:ClientTimeoutSeconds"] = "2",
        }, timeout.Token);
        using var http = new HttpClient { BaseAddress = new Uri(App.BaseUrl) };
        using var response = await http.PostAsync("/api/v1/auth/token", ApiJson.Content(new { username = DashboardFactory.AdminUser, password = LiveApp.AdminPassword }));
        AdminToken = (await response.JsonAsync()).GetProperty("data").GetProperty("access_token").GetString()!;
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

public class KeepAliveTests(KeepAliveAppFixture fixture) : IClassFixture<KeepAliveAppFixture>
{
    [Fact]
    public async Task A_socket_client_that_answers_pings_stays_while_one_that_stops_is_cut_off_and_freed()
    {
        await using var alive = await SocketTestClient.ConnectAsync(fixture.Url("/api/v1/ws/host-monitor"), fixture.AdminToken);
        await using var dead = await SocketTestClient.ConnectAsync(fixture.Url("/api/v1/ws/host-monitor"), fixture.AdminToken);
        await Task.WhenAll(alive.SyncAsync(), dead.SyncAsync());
        Assert.Equal(2, fixture.Stats.Subscribers(RealtimeStream.HostMonitor));

        // Only a pending receive lets the client answer the server's pings; the dead one never reads again.
        var listening = alive.ReceiveRawAsync(TimeSpan.FromSeconds(30));
        await WaitUntilAsync(() => fixture.Stats.Subscribers(RealtimeStream.HostMonitor) == 1, TimeSpan.FromSeconds(8));
        await Task.Delay(TimeSpan.FromSeconds(3));

        Assert.Equal(1, fixture.Stats.Subscribers(RealtimeStream.HostMonitor));
        Assert.Equal(WebSocketState.Open, alive.State);
        Assert.False(listening.IsCompleted);
    }

    [Fact]
    public async Task The_hub_sends_keep_alive_pings_at_the_configured_interval()
    {
        await using var hub = await HubTestClient.ConnectAsync(fixture.Url("/hubs/monitoring"), fixture.AdminToken);
        await hub.CallAsync("SubscribeServices", new[] { 1 });

        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 2; i++)
            Assert.Equal(6, (await hub.NextRecordAsync(skipPings: false)).GetProperty("type").GetInt32());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(6), $"two pings took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_hub_client_that_stops_pinging_is_cut_off_and_its_subscriptions_freed()
    {
        await using var hub = await HubTestClient.ConnectAsync(fixture.Url("/hubs/monitoring"), fixture.AdminToken);
        await hub.CallAsync("SubscribeServices", new[] { 2 });
        await hub.PingAsync();
        Assert.Equal(1, fixture.Stats.Subscribers(RealtimeStream.ServiceProbe));

        await WaitUntilAsync(() => fixture.Stats.Subscribers(RealtimeStream.ServiceProbe) == 0, TimeSpan.FromSeconds(8));
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < limit, $"not reached within {limit.TotalSeconds} s");
            await Task.Delay(50);
        }
    }
}
