using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Probing;
using ProbeDashboard.Core.Results;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Integration.Alerts;

/// <summary>
/// Monitor dependencies in the real writer, engine and dispatcher: rounds come from real HTTP probes of targets on
/// 127.0.0.1 and notifications reach a real webhook receiver. While the parent (an uplink) is offline the child's event is
/// stored suppressed and nobody hears of it; when the parent recovers and the child still fails, the child fires once.
/// </summary>
public sealed class DependencyAlertTests : IAsyncLifetime
{
    private readonly AlertTestFactory _app = new();
    private WebhookReceiver _receiver = null!;
    private TargetServer _target = null!;

    public async Task InitializeAsync()
    {
        _receiver = await WebhookReceiver.StartAsync();
        _target = await TargetServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _receiver.DisposeAsync();
        await _target.DisposeAsync();
    }

    /// <summary>Probes <paramref name="path"/> of the target for real and commits the outcome as the monitor's next round.</summary>
    private async Task ProbeRoundAsync(MonitorDefinition monitor, string path)
    {
        var probe = TestMonitors.Http(monitor.Name, _target.Url(path));
        probe.Id = monitor.Id;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var real = await _app.Services.GetRequiredService<ProbeRunner>().RunAsync(probe, hostId: 0, timeout.Token);
        await _app.Feed.CommitRoundsAsync(monitor.Id, (Action<ProbeResult>)(result =>
        {
            (result.Success, result.StatusCode, result.ErrorMessage, result.LatencyMs) = (real.Success, real.StatusCode, real.ErrorMessage, real.LatencyMs);
        }));
    }

    [Fact]
    public async Task Parent_and_child_failing_notify_once_for_the_parent_and_the_child_fires_when_the_parent_recovers()
    {
        var feed = _app.Feed;
        var group = await feed.AddGroupAsync("ops", webhooks: [(_receiver.Url, null)]);
        var uplink = await feed.AddMonitorAsync("uplink", m => { m.EnableAlert = true; m.FailThreshold = 2; m.NotificationGroupId = group.Id; });
        var shop = await feed.AddMonitorAsync("shop", m => { m.EnableAlert = true; m.FailThreshold = 2; m.NotificationGroupId = group.Id; m.DependsOn = [uplink.Id]; });

        await ProbeRoundAsync(uplink, "/status/503");
        await ProbeRoundAsync(shop, "/status/503");
        await ProbeRoundAsync(uplink, "/status/503");
        await ProbeRoundAsync(shop, "/status/503");
        var suppressed = await feed.EventAsync(e => e.TargetId == shop.Id && e.Status == AlertEventStatus.Firing, "the child's event");
        await feed.EventAsync(e => e.TargetId == uplink.Id && e.Status == AlertEventStatus.Firing, "the parent's event");
        await Eventually.TrueAsync(() => _receiver.Requests.Count == 1, "the parent's webhook");
        await feed.EngineIdleAsync();
        Assert.False(await feed.DispatcherIdleAsync());

        Assert.Equal((uplink.Id, "uplink"), (suppressed.SuppressedByMonitorId!.Value, suppressed.SuppressedByName));
        Assert.Single(_receiver.Requests);
        Assert.Contains("uplink", _receiver.Requests.Single().Body);
        Assert.All(await feed.OutboxAsync(), o => Assert.NotEqual(suppressed.Id, o.AlertEventId));
        using (var viewer = await _app.CreateClientAsync(UserRole.Viewer))
        {
            var wire = (await (await viewer.GetAsync($"/api/v1/alert-events/{suppressed.Id}")).JsonAsync()).GetProperty("data").GetProperty("suppressed_by");
            Assert.Equal((uplink.Id, "uplink"), (wire.GetProperty("monitor_id").GetInt32(), wire.GetProperty("name").GetString()));
        }

        // The uplink is back (its recovery is announced), the shop still fails: now the shop fires, once.
        await ProbeRoundAsync(uplink, "/ok");
        await ProbeRoundAsync(shop, "/status/503");
        await feed.EventAsync(e => e.Id == suppressed.Id && e.SuppressedByMonitorId == null, "the child's event released");
        await Eventually.TrueAsync(() => _receiver.Requests.Any(r => r.Body.Contains("shop")), "the child's webhook");
        await ProbeRoundAsync(shop, "/status/503");
        await feed.EngineIdleAsync();
        Assert.False(await feed.DispatcherIdleAsync());

        var childNotices = (await feed.OutboxAsync()).Where(o => o.AlertEventId == suppressed.Id).ToList();
        Assert.Single(childNotices);
        Assert.Contains("alert_fired", _receiver.Requests.Last(r => r.Body.Contains("shop")).Body);
    }

    [Fact]
    public async Task A_child_whose_event_resolves_while_suppressed_goes_quietly()
    {
        var feed = _app.Feed;
        var group = await feed.AddGroupAsync("ops", webhooks: [(_receiver.Url, null)]);
        var uplink = await feed.AddMonitorAsync("uplink", m => { m.FailThreshold = 5; });
        var shop = await feed.AddMonitorAsync("shop", m => { m.EnableAlert = true; m.FailThreshold = 1; m.NotificationGroupId = group.Id; m.DependsOn = [uplink.Id]; });

        await ProbeRoundAsync(uplink, "/status/503");
        await ProbeRoundAsync(shop, "/status/503");
        await feed.EventAsync(e => e.TargetId == shop.Id && e.SuppressedByMonitorId == uplink.Id, "the suppressed event");
        await ProbeRoundAsync(shop, "/ok");
        await feed.EventAsync(e => e.TargetId == shop.Id && e.Status == AlertEventStatus.Resolved, "the resolved event");
        await feed.EngineIdleAsync();
        Assert.False(await feed.DispatcherIdleAsync());

        Assert.Empty(await feed.OutboxAsync());
        Assert.Empty(_receiver.Requests);
    }

    [Fact]
    public async Task In_a_chain_of_three_only_the_root_notifies_and_both_dependants_are_suppressed_by_the_root()
    {
        var feed = _app.Feed;
        var group = await feed.AddGroupAsync("ops", webhooks: [(_receiver.Url, null)]);
        var uplink = await feed.AddMonitorAsync("chain uplink", m => { m.EnableAlert = true; m.FailThreshold = 2; m.NotificationGroupId = group.Id; });
        var database = await feed.AddMonitorAsync("chain db", m => { m.EnableAlert = true; m.FailThreshold = 2; m.NotificationGroupId = group.Id; m.DependsOn = [uplink.Id]; });
        var shop = await feed.AddMonitorAsync("chain shop", m => { m.EnableAlert = true; m.FailThreshold = 2; m.NotificationGroupId = group.Id; m.DependsOn = [database.Id]; });

        foreach (var monitor in new[] { uplink, database, shop, uplink, database, shop }) await ProbeRoundAsync(monitor, "/status/503");
        await feed.EventAsync(e => e.TargetId == uplink.Id && e.Status == AlertEventStatus.Firing, "the root's event");
        var dbEvent = await feed.EventAsync(e => e.TargetId == database.Id && e.Status == AlertEventStatus.Firing, "the middle's event");
        var shopEvent = await feed.EventAsync(e => e.TargetId == shop.Id && e.Status == AlertEventStatus.Firing, "the leaf's event");
        await Eventually.TrueAsync(() => _receiver.Requests.Count == 1, "the root's webhook");
        await feed.EngineIdleAsync();
        Assert.False(await feed.DispatcherIdleAsync());

        Assert.Equal((uplink.Id, "chain uplink"), (dbEvent.SuppressedByMonitorId!.Value, dbEvent.SuppressedByName));
        Assert.Equal((uplink.Id, "chain uplink"), (shopEvent.SuppressedByMonitorId!.Value, shopEvent.SuppressedByName));
        Assert.Contains("chain uplink", Assert.Single(_receiver.Requests).Body);
        Assert.Single(await feed.OutboxAsync());
        using var viewer = await _app.CreateClientAsync(UserRole.Viewer);
        var wire = (await (await viewer.GetAsync($"/api/v1/alert-events/{shopEvent.Id}")).JsonAsync()).GetProperty("data").GetProperty("suppressed_by");
        Assert.Equal("chain uplink", wire.GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_dependant_is_suppressed_by_an_offline_grandparent_even_while_its_parent_is_still_judged_online()
    {
        var feed = _app.Feed;
        var group = await feed.AddGroupAsync("ops", webhooks: [(_receiver.Url, null)]);
        var uplink = await feed.AddMonitorAsync("far uplink", m => { m.FailThreshold = 1; });
        var database = await feed.AddMonitorAsync("near db", m => { m.FailThreshold = 5; m.DependsOn = [uplink.Id]; });
        var shop = await feed.AddMonitorAsync("leaf shop", m => { m.EnableAlert = true; m.FailThreshold = 1; m.NotificationGroupId = group.Id; m.DependsOn = [database.Id]; });

        await ProbeRoundAsync(uplink, "/status/503");
        await ProbeRoundAsync(database, "/ok");
        await ProbeRoundAsync(shop, "/status/503");
        var suppressed = await feed.EventAsync(e => e.TargetId == shop.Id && e.Status == AlertEventStatus.Firing, "the leaf's event");
        await feed.EngineIdleAsync();
        Assert.False(await feed.DispatcherIdleAsync());

        Assert.Equal((uplink.Id, "far uplink"), (suppressed.SuppressedByMonitorId!.Value, suppressed.SuppressedByName));
        Assert.Empty(_receiver.Requests);
    }
}
