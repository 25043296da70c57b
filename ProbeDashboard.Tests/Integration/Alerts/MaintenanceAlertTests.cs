using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Maintenance;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Integration.Alerts;

/// <summary>
/// Maintenance windows in the real engine on an injected clock: results keep coming, but no event fires and no webhook
/// goes out while a window runs; a monitor still failing after it fires once; reminders of an event that was already
/// firing pause for the window.
/// </summary>
public sealed class MaintenanceAlertTests : IAsyncLifetime
{
    private readonly ManualTimeProvider _clock = new();
    private readonly AlertTestFactory _app = new();
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync()
    {
        _app.Time = _clock;
        _receiver = await WebhookReceiver.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    private async Task OneOffWindowAsync(int monitorId, TimeSpan from, TimeSpan until)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        var input = new MaintenanceWindowInput("patching", null, [monitorId], null, "once", now + from, now + until, null, null, null, null, null, null, null, true);
        var saved = await _app.Services.GetRequiredService<MaintenanceWindowService>().CreateAsync(Actor.System, input, CancellationToken.None);
        Assert.Equal(MaintenanceOutcome.Done, saved.Outcome);
    }

    [Fact]
    public async Task A_monitor_failing_in_maintenance_fires_nothing_and_after_the_window_fires_once()
    {
        var feed = _app.Feed;
        var group = await feed.AddGroupAsync("ops", webhooks: [(_receiver.Url, null)]);
        var monitor = await feed.AddMonitorAsync("db", m => { m.EnableAlert = true; m.FailThreshold = 2; m.NotificationGroupId = group.Id; });
        await OneOffWindowAsync(monitor.Id, TimeSpan.FromMinutes(-1), TimeSpan.FromMinutes(30));

        await feed.CommitRoundsAsync(monitor.Id, false, false, false);
        await feed.EngineIdleAsync();
        _clock.Advance(TimeSpan.FromMinutes(29));
        await feed.EngineTickedAsync();
        Assert.Empty(await feed.EventsAsync());
        Assert.Empty(await feed.OutboxAsync());

        _clock.Advance(TimeSpan.FromMinutes(1));
        await feed.EngineTickedAsync();
        Assert.Empty(await feed.EventsAsync());
        // The window is over and the monitor still fails: its stored failure count is past the threshold, so it fires now.
        await feed.CommitRoundsAsync(monitor.Id, false);
        await feed.EventAsync(e => e.Status == AlertEventStatus.Firing, "the monitor to fire after the window");
        await Eventually.TrueAsync(() => _receiver.Requests.Count == 1, "one fired webhook");
        await feed.EngineIdleAsync();
        Assert.Single(await feed.OutboxAsync());
    }

    [Fact]
    public async Task An_event_firing_when_a_window_starts_stays_firing_and_its_reminders_pause_until_the_window_ends()
    {
        var feed = _app.Feed;
        var group = await feed.AddGroupAsync("ops", webhooks: [(_receiver.Url, null)]);
        var monitor = await feed.AddMonitorAsync("api", _ => { });
        await using (var db = feed.Db())
        {
            db.AlertRules.Add(new AlertRule
            {
                Name = "api down", Type = AlertRuleType.ServiceProbe, Condition = "success == 0", TargetIds = [monitor.Id], SilencePeriodSeconds = 600,
                NotificationGroupId = group.Id, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        await feed.CommitRoundsAsync(monitor.Id, false);
        await feed.EventAsync(e => e.Status == AlertEventStatus.Firing, "firing before the window");
        await Eventually.TrueAsync(() => _receiver.Requests.Count == 1, "the fired webhook");

        await OneOffWindowAsync(monitor.Id, TimeSpan.Zero, TimeSpan.FromHours(1));
        _clock.Advance(TimeSpan.FromMinutes(59));
        await feed.EngineTickedAsync();
        Assert.Equal(AlertEventStatus.Firing, (await feed.EventsAsync()).Single().Status);
        Assert.Single(await feed.OutboxAsync());

        _clock.Advance(TimeSpan.FromMinutes(1));
        await Eventually.TrueAsync(() => _receiver.Requests.Count == 2, "one reminder once the window is over");
        Assert.Contains("alert_reminder", _receiver.Requests.Last().Body);
        await feed.EngineTickedAsync();
        Assert.Equal(2, (await feed.OutboxAsync()).Count);
    }

    [Fact]
    public async Task A_window_on_a_host_group_mutes_its_hosts_alerts_but_not_other_hosts()
    {
        var feed = _app.Feed;
        int inGroup, outside, groupId;
        await using (var db = feed.Db())
        {
            var group = new ProbeDashboard.Core.Hosts.HostGroup { Name = "rack-7" };
            db.HostGroups.Add(group);
            await db.SaveChangesAsync();
            var patched = new ProbeDashboard.Core.Hosts.ProbeHost { Name = "edge-patched", Hostname = "edge-patched", GroupId = group.Id, CreatedAt = DateTime.UtcNow };
            var other = new ProbeDashboard.Core.Hosts.ProbeHost { Name = "edge-other", Hostname = "edge-other", CreatedAt = DateTime.UtcNow };
            db.Hosts.AddRange(patched, other);
            db.AlertRules.Add(new AlertRule
            {
                Name = "cpu", Type = AlertRuleType.HostMonitor, Condition = "cpu_usage > 90", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
            (inGroup, outside, groupId) = (patched.Id, other.Id, group.Id);
        }
        var now = _clock.GetUtcNow().UtcDateTime;
        var input = new MaintenanceWindowInput("rack work", null, null, [groupId], "once", now.AddMinutes(-1), now.AddHours(1), null, null, null, null, null, null, null, true);
        Assert.Equal(MaintenanceOutcome.Done, (await _app.Services.GetRequiredService<MaintenanceWindowService>().CreateAsync(Actor.System, input, CancellationToken.None)).Outcome);
        var hot = new Dictionary<string, double> { ["cpu_usage"] = 99 };

        feed.PublishHostMetrics(inGroup, "edge-patched", hot);
        feed.PublishHostMetrics(outside, "edge-other", hot);

        var fired = await feed.EventAsync(e => e.Status == AlertEventStatus.Firing, "the host outside the group to fire");
        await feed.EngineIdleAsync();
        Assert.Equal(outside, fired.TargetId);
        Assert.Single(await feed.EventsAsync());
    }
}
