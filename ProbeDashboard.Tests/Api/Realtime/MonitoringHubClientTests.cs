using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Probing;
using ProbeDashboard.Core.Storage;
using ProbeDashboard.Realtime.Hub;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.Realtime;

/// <summary>The hub as a .NET application meets it: Microsoft's SignalR client, negotiate, then WebSockets only.</summary>
[Collection(RealtimeCollection.Name)]
public class MonitoringHubClientTests(RealtimeAppFixture fixture)
{
    [Fact]
    public async Task The_signalr_client_receives_the_result_of_a_probe_the_server_ran()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var token = await fixture.ViewerTokenAsync();
        var monitor = TestMonitors.Tcp("hub-client-closed-port", $"127.0.0.1:{TargetServer.ClosedPort()}");
        int serverHostId;
        await using (var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<ProbeDbContext>>().CreateDbContextAsync(cts.Token))
        {
            db.Monitors.Add(monitor);
            await db.SaveChangesAsync(cts.Token);
            serverHostId = await db.Hosts.Where(h => h.IsServer).Select(h => h.Id).SingleAsync(cts.Token);
        }

        await using (var connection = Connect(token))
        {
            var pushed = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
            connection.On<JsonElement>("probe_result", push => pushed.TrySetResult(push));
            await connection.StartAsync(cts.Token);
            await connection.InvokeAsync("SubscribeServices", new[] { monitor.Id }, cts.Token);

            Assert.True(fixture.App.Services.GetRequiredService<ProbeDispatcher>().Dispatch(monitor, serverHostId, DateTimeOffset.UtcNow));
            var push = await pushed.Task.WaitAsync(cts.Token);

            Assert.Equal("probe_result", push.GetProperty("type").GetString());
            Assert.Equal(monitor.Id, push.GetProperty("service_id").GetInt32());
            Assert.Equal(serverHostId, push.GetProperty("data").GetProperty("host_id").GetInt32());
            Assert.False(push.GetProperty("data").GetProperty("success").GetBoolean());
        }
        await fixture.AssertNoSubscribersLeftAsync();
    }

    [Fact]
    public async Task The_signalr_client_without_a_token_is_refused_at_negotiate()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var connection = Connect(token: null);

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync(cts.Token));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HubConnectionState.Disconnected, connection.State);
    }

    private HubConnection Connect(string? token) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(new Uri(fixture.App.BaseUrl), MonitoringHub.Path), HttpTransportType.WebSockets, options =>
            {
                if (token is not null) options.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();
}
