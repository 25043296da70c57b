using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Hosts;
using ProbeDashboard.Core.Monitors;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Integration.Alerts;

/// <summary>
/// Host groups depending on a monitor (the site's uplink), through the real engine, outbox and dispatcher to a real
/// webhook receiver: while the uplink is offline a host's metric alert is stored suppressed and nobody hears of it;
/// when the uplink is back and the host still fails, the host's event fires once. Hosts of other groups are unaffected.
/// </summary>
public sealed class HostGroupDependencyAlertTests : IAsyncLifetime
{
    private readonly AlertTestFactory _app = new();
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    private static readonly Dictionary<string, double> Hot = new() { ["cpu_usage"] = 99 };

    /// <summary>A host in a group depending on <paramref name="dependsOn"/>, and a cpu rule notifying the receiver.</summary>
    private async Task<int> HostInGroupAsync(string groupName, string hostName, int notificationGroupId, params int[] dependsOn)
    {
        var groups = _app.Services.GetRequiredService<HostGroupService>();
        var group = await groups.CreateAsync(Actor.System, groupName, CancellationToken.None, dependsOn);
        Assert.Equal(HostGroupOutcome.Done, group.Outcome);
        await using var db = _app.Feed.Db();
        var host = new ProbeHost { Name = hostName, Hostname = hostName, CreatedAt = DateTime.UtcNow };
        db.Hosts.Add(host);
        if (!db.AlertRules.Any())
            db.AlertRules.Add(new AlertRule
            {
                Name = "cpu", Type = AlertRuleType.HostMonitor, Condition = "cpu_usage > 90", NotificationGroupId = notificationGroupId,
                CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            });
        await db.SaveChangesAsync();
        Assert.True((await groups.AssignAsync(Actor.System, host.Id, group.Group!.Id, CancellationToken.None)).Succeeded);
        return host.Id;
    }

    private async Task UntilStatusAsync(int monitorId, MonitorStatus status)
    {
        await Eventually.TrueAsync(async () =>
        {
            await using var db = _app.Feed.Db();
            return db.Monitors.Single(m => m.Id == monitorId).Current.Status == status;
        }, $"monitor {monitorId} {status}");
    }

    [Fact]
    public async Task A_hosts_alert_is_suppressed_while_its_groups_uplink_is_offline_and_fires_once_when_the_uplink_is_back()
    {
        var feed = _app.Feed;
        var ops = await feed.AddGroupAsync("ops", webhooks: [(_receiver.Url, null)]);
        var uplink = await feed.AddMonitorAsync("site uplink", m => m.FailThreshold = 1);
        var edge = await HostInGroupAsync("site-a", "edge-a", ops.Id, uplink.Id);

        await feed.CommitRoundsAsync(uplink.Id, false);
        await UntilStatusAsync(uplink.Id, MonitorStatus.Offline);
        feed.PublishHostMetrics(edge, "edge-a", Hot);
        var suppressed = await feed.EventAsync(e => e.TargetType == AlertTargetType.Host && e.TargetId == edge && e.Status == AlertEventStatus.Firing, "the host's event");
        await feed.EngineIdleAsync();
        Assert.False(await feed.DispatcherIdleAsync());

        Assert.Equal((uplink.Id, "site uplink"), (suppressed.SuppressedByMonitorId, suppressed.SuppressedByName));
        Assert.Empty(await feed.OutboxAsync());
        Assert.Empty(_receiver.Requests);

        // The uplink is back, the host is still hot: now it fires, once.
        await feed.CommitRoundsAsync(uplink.Id, true);
        await UntilStatusAsync(uplink.Id, MonitorStatus.Online);
        feed.PublishHostMetrics(edge, "edge-a", Hot);
        await feed.EventAsync(e => e.Id == suppressed.Id && e.SuppressedByMonitorId == null, "the host's event released");
        await Eventually.TrueAsync(() => _receiver.Requests.Count == 1, "the host's webhook");
        feed.PublishHostMetrics(edge, "edge-a", Hot);
        await feed.EngineIdleAsync();
        Assert.False(await feed.DispatcherIdleAsync());

        Assert.Single(await feed.OutboxAsync());
        Assert.Contains("edge-a", _receiver.Requests.Single().Body);
    }

    [Fact]
    public async Task A_host_of_a_group_without_the_dependency_fires_while_the_uplink_is_offline()
    {
        var feed = _app.Feed;
        var ops = await feed.AddGroupAsync("ops", webhooks: [(_receiver.Url, null)]);
        var uplink = await feed.AddMonitorAsync("site uplink", m => m.FailThreshold = 1);
        var behind = await HostInGroupAsync("site-a", "edge-a", ops.Id, uplink.Id);
        var elsewhere = await HostInGroupAsync("site-b", "edge-b", ops.Id);

        await feed.CommitRoundsAsync(uplink.Id, false);
        await UntilStatusAsync(uplink.Id, MonitorStatus.Offline);
        feed.PublishHostMetrics(behind, "edge-a", Hot);
        feed.PublishHostMetrics(elsewhere, "edge-b", Hot);

        await Eventually.TrueAsync(() => _receiver.Requests.Count == 1, "the other site's webhook");
        await feed.EngineIdleAsync();
        var events = await feed.EventsAsync();
        Assert.Null(Assert.Single(events, e => e.TargetType == AlertTargetType.Host && e.TargetId == elsewhere).SuppressedByMonitorId);
        Assert.Equal(uplink.Id, Assert.Single(events, e => e.TargetType == AlertTargetType.Host && e.TargetId == behind).SuppressedByMonitorId);
        Assert.Contains("edge-b", _receiver.Requests.Single().Body);
    }
}
