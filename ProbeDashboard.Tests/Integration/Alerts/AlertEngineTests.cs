using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Events;
using ProbeDashboard.Core.Hosts;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Integration.Alerts;

/// <summary>The real app's alert engine on its SQLite file, fed through the bus like the result writer feeds it.</summary>
public class AlertEngineTests
{
    private static AlertTestFactory NewFactory() => new();

    private static async Task AddHostRuleAsync(AlertFeed feed, string name, string condition, int durationSeconds, AlertLevel level)
    {
        await using var db = feed.Db();
        db.AlertRules.Add(new AlertRule
        {
            Name = name, Type = AlertRuleType.HostMonitor, Condition = condition, DurationSeconds = durationSeconds,
            Level = level, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task A_monitor_fires_after_fail_threshold_failed_rounds_and_resolves_after_recover_threshold_good_ones()
    {
        await using var factory = NewFactory();
        var feed = new AlertFeed(factory);
        using var changes = feed.Bus.Subscribe<AlertEventChanged>();
        var monitor = await feed.AddMonitorAsync("shop", m => { m.EnableAlert = true; m.FailThreshold = 3; m.RecoverThreshold = 2; });

        await feed.CommitRoundsAsync(monitor.Id, false, false);
        await feed.CommitRoundsAsync(monitor.Id, true);
        await feed.CommitRoundsAsync(monitor.Id, false, false);
        await feed.EngineIdleAsync();
        Assert.Empty(await feed.EventsAsync());

        await feed.CommitRoundsAsync(monitor.Id, false);
        var fired = await feed.EventAsync(e => e.Status == AlertEventStatus.Firing, "the monitor's alert to fire");
        Assert.Equal((AlertTargetType.Service, monitor.Id, "shop"), (fired.TargetType, fired.TargetId, fired.TargetName));
        Assert.Equal(AlertLevel.Critical, fired.Level);
        Assert.Contains("consecutive_failures=3", fired.Message);
        Assert.NotNull(fired.TriggerTime);

        await feed.CommitRoundsAsync(monitor.Id, true);
        await feed.EngineIdleAsync();
        Assert.Equal(AlertEventStatus.Firing, (await feed.EventsAsync()).Single().Status);
        await feed.CommitRoundsAsync(monitor.Id, true);
        var resolved = await feed.EventAsync(e => e.Status == AlertEventStatus.Resolved, "the alert to resolve");
        Assert.NotNull(resolved.RecoverTime);

        var seen = new List<AlertEventChange>();
        while (changes.Reader.TryRead(out var change)) seen.Add(change.Change);
        Assert.Equal([AlertEventChange.Opened, AlertEventChange.Fired, AlertEventChange.Resolved], seen);
    }

    [Fact]
    public async Task A_latency_alert_fires_when_latency_exceeds_max_latency_and_failed_rounds_do_not_resolve_it()
    {
        await using var factory = NewFactory();
        var feed = new AlertFeed(factory);
        var monitor = await feed.AddMonitorAsync("api", m => { m.LatencyAlert = true; m.MaxLatencySeconds = 0.5; });

        await feed.CommitRoundsAsync(monitor.Id, (true, 200));
        await feed.CommitRoundsAsync(monitor.Id, (true, 800));
        var fired = await feed.EventAsync(e => e.Status == AlertEventStatus.Firing, "the latency alert");
        Assert.Equal("latency > 0.5", fired.Condition);
        Assert.Contains("latency=0.8", fired.Message);

        // A failed round has no latency: unknown, so it neither resolves nor re-fires.
        await feed.CommitRoundsAsync(monitor.Id, (false, 0));
        await feed.EngineIdleAsync();
        Assert.Equal(AlertEventStatus.Firing, (await feed.EventsAsync()).Single().Status);
        await feed.CommitRoundsAsync(monitor.Id, (true, 100));
        await feed.EventAsync(e => e.Status == AlertEventStatus.Resolved, "the latency alert to resolve");
    }

    [Fact]
    public async Task A_host_rule_is_pending_first_and_fires_on_the_tick_once_its_duration_has_passed()
    {
        await using var factory = NewFactory();
        var feed = new AlertFeed(factory);
        await AddHostRuleAsync(feed, "cpu", "cpu_usage > 90 && mem_usage > 50", durationSeconds: 1, AlertLevel.Warning);

        feed.PublishHostMetrics(7, "db-1", new Dictionary<string, double> { ["cpu_usage"] = 95, ["mem_usage"] = 60 });
        var pending = await feed.EventAsync(e => e.Status == AlertEventStatus.Pending, "a pending event");
        Assert.Equal(pending.PendingSince.AddSeconds(1), pending.FiresAt);
        Assert.Null(pending.TriggerTime);

        var fired = await feed.EventAsync(e => e.Status == AlertEventStatus.Firing, "the tick to fire it");
        Assert.True(fired.TriggerTime >= fired.FiresAt);
        Assert.Equal(("cpu on db-1", AlertTargetType.Host), (fired.Title, fired.TargetType));
        Assert.NotNull(fired.TargetUuid);

        // cpu alone unknown (mem missing) but cpu low decides: false && unknown is false.
        feed.PublishHostMetrics(7, "db-1", new Dictionary<string, double> { ["cpu_usage"] = 10 });
        await feed.EventAsync(e => e.Status == AlertEventStatus.Resolved, "the host alert to resolve");
    }

    [Fact]
    public async Task A_host_that_goes_offline_fires_an_online_rule_and_coming_back_resolves_it()
    {
        await using var factory = NewFactory();
        var feed = new AlertFeed(factory);
        await AddHostRuleAsync(feed, "agent down", "online == 0", durationSeconds: 0, AlertLevel.Critical);
        var uuid = Guid.NewGuid();

        feed.Bus.Publish(new HostStatusChanged(9, "edge-1", uuid, Online: false, DateTime.UtcNow));
        var fired = await feed.EventAsync(e => e.Status == AlertEventStatus.Firing, "the offline host to fire the rule");
        Assert.Equal((AlertTargetType.Host, 9, "edge-1", uuid.ToString()), (fired.TargetType, fired.TargetId, fired.TargetName, fired.TargetUuid));

        // A heartbeat's metrics say nothing about liveness: the event stays open until the host is back.
        feed.PublishHostMetrics(9, "edge-1", new Dictionary<string, double> { ["cpu_usage"] = 10 });
        await feed.EngineIdleAsync();
        Assert.Equal(AlertEventStatus.Firing, (await feed.EventsAsync()).Single().Status);

        feed.Bus.Publish(new HostStatusChanged(9, "edge-1", uuid, Online: true, DateTime.UtcNow));
        await feed.EventAsync(e => e.Status == AlertEventStatus.Resolved, "the host coming back to resolve it");
    }

    [Fact]
    public async Task Open_events_survive_a_restart_and_the_next_good_round_resolves_them_without_a_second_event()
    {
        using var dataDir = new TempDirectory();
        int monitorId;
        await using (var first = AlertTestFactory.OnExistingData(dataDir.Path))
        {
            var feed = new AlertFeed(first);
            monitorId = (await feed.AddMonitorAsync("edge", m => { m.EnableAlert = true; m.FailThreshold = 1; })).Id;
            await feed.CommitRoundsAsync(monitorId, false);
            await feed.EventAsync(e => e.Status == AlertEventStatus.Firing, "the alert to fire before the restart");
        }

        await using var second = AlertTestFactory.OnExistingData(dataDir.Path);
        var after = new AlertFeed(second);
        await after.CommitRoundsAsync(monitorId, false, false);
        await after.EngineIdleAsync();
        Assert.Single(await after.EventsAsync());
        await after.CommitRoundsAsync(monitorId, true);
        await after.EventAsync(e => e.Status == AlertEventStatus.Resolved, "the alert to resolve after the restart");
        Assert.Single(await after.EventsAsync());
    }

    [Fact]
    public async Task History_keeps_the_ten_samples_before_the_trigger_and_stops_at_sixty()
    {
        await using var factory = NewFactory();
        var feed = new AlertFeed(factory);
        var monitor = await feed.AddMonitorAsync("noisy", m => { m.EnableAlert = true; m.FailThreshold = 3; });
        await feed.CommitRoundsAsync(monitor.Id, Enumerable.Repeat(true, 15).Concat(Enumerable.Repeat(false, 100)).ToArray());
        var fired = await feed.EventAsync(e => e.Status == AlertEventStatus.Firing, "the alert");
        await Eventually.TrueAsync(async () =>
        {
            await using var db = feed.Db();
            return await db.AlertEventSamples.CountAsync(s => s.AlertEventId == fired.Id) == 60;
        }, "60 samples");
        await using var check = feed.Db();
        var samples = await check.AlertEventSamples.Where(s => s.AlertEventId == fired.Id).OrderBy(s => s.Id).ToListAsync();
        Assert.Equal(8, samples.Count(s => s.ValuesJson.Contains("\"consecutive_failures\":0")));
    }
}
