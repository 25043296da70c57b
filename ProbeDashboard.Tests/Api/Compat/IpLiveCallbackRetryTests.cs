using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Compat.IpLive;
using ProbeDashboard.Core.Notifications;
using ProbeDashboard.Core.Results;
using ProbeDashboard.Tests.Support;
using static ProbeDashboard.Tests.Support.IpLiveWire;

namespace ProbeDashboard.Tests.Api.Compat;

/// <summary>Retries come quickly here, so a refused callback is seen being sent again.</summary>
public sealed class FastRetryFactory : DashboardFactory
{
    public FastRetryFactory() => Settings["Notifications:RetryBaseDelayMs"] = "100";
}

/// <summary>A round callback the app's server refuses stays in the outbox and is sent again until it is taken.</summary>
public class IpLiveCallbackRetryTests(FastRetryFactory factory) : IClassFixture<FastRetryFactory>
{
    [Fact]
    public async Task A_refused_callback_is_retried_until_the_app_takes_it()
    {
        await using var callback = await WebhookReceiver.StartAsync();
        callback.StatusCode = 503;
        var token = await CreateAppAsync(await factory.CreateAdminClientAsync(), "flaky", callback.Url + "/cb");
        using var client = factory.CreateClient();
        var json = await AssertCodeAsync(await PostFormAsync(client, "/operate_monitor", ("app_name", "flaky"), ("token", token),
            ("group_id", "5"), ("record_ids", "1"), ("ips", "127.0.0.1")), 0);
        var monitorId = json.GetProperty("data").GetProperty("records")[0].GetProperty("monitor_id").GetInt32();
        var serverHost = await factory.WithDbAsync(db => db.Hosts.Where(h => h.IsServer).Select(h => h.Id).SingleAsync());

        // What the result writer publishes after a commit: one round of the group's only monitor.
        await factory.Services.GetRequiredService<IpLiveRoundTracker>().HandleAsync(
            [new ProbeResult { MonitorId = monitorId, HostId = serverHost, Timestamp = DateTime.UtcNow, Success = true, LatencyMs = 8 }], CancellationToken.None);

        await Eventually.TrueAsync(() => callback.Requests.Count >= 2, "the refused callback sent a second time");
        callback.StatusCode = 200;
        await Eventually.TrueAsync(() => factory.WithDbAsync(db => db.NotificationOutbox.AnyAsync(o =>
            o.Channel == NotificationChannelKind.IpLiveCallback && o.Address == callback.Url + "/cb" && o.Status == OutboxStatus.Delivered)),
            "the callback delivered once the app takes it");
        Assert.All(callback.Requests, r => Assert.Contains("group_id=5", r.Body));
    }
}
