using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Results;
using ProbeDashboard.Core.Storage;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.Realtime;

/// <summary>The whole path: writer commit, the real alert engine, its committed event, the alert-events stream.</summary>
[Collection(RealtimeCollection.Name)]
public class AlertPipelineStreamTests(RealtimeAppFixture fixture)
{
    [Fact]
    public async Task A_failing_monitor_reaches_alert_subscribers_as_fired_then_resolved()
    {
        var monitor = TestMonitors.Tcp("realtime-alerting", "127.0.0.1:9");
        monitor.EnableAlert = true;
        monitor.FailThreshold = 1;
        monitor.RecoverThreshold = 1;
        int hostId;
        await using (var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<ProbeDbContext>>().CreateDbContextAsync())
        {
            db.Monitors.Add(monitor);
            await db.SaveChangesAsync();
            hostId = await db.Hosts.Where(h => h.IsServer).Select(h => h.Id).SingleAsync();
        }
        await using var client = await SocketTestClient.ConnectAsync(new Uri(fixture.WebSocketBase, "/api/v1/ws/alert-events"), fixture.AdminToken);
        await client.SendAsync("""{"action":"subscribe","levels":["info","warning","critical"]}""");
        await client.SyncAsync();
        var writer = fixture.App.Services.GetRequiredService<ResultWriter>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        await writer.SubmitAsync([RealtimeAppFixture.Result(monitor.Id, hostId, success: false, latencyMs: 0, statusCode: 0)], timeout.Token);
        var fired = await client.ReceiveAsync();
        Assert.Equal("alert_fired", fired.GetProperty("type").GetString());
        Assert.Equal("realtime-alerting", fired.GetProperty("event").GetProperty("target_name").GetString());
        var eventId = fired.GetProperty("event").GetProperty("id").GetInt64();

        // The next round, one interval later: a second result in the same round would not count again.
        var recovered = RealtimeAppFixture.Result(monitor.Id, hostId);
        recovered.Timestamp = recovered.Timestamp.AddSeconds(monitor.IntervalSeconds);
        await writer.SubmitAsync([recovered], timeout.Token);
        var resolved = await client.ReceiveAsync();
        Assert.Equal("alert_resolved", resolved.GetProperty("type").GetString());
        Assert.Equal(eventId, resolved.GetProperty("event_id").GetInt64());
        Assert.EndsWith("Z", resolved.GetProperty("recover_time").GetString());
    }
}
