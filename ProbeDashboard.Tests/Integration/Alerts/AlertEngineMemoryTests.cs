using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Events;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Integration.Alerts;

/// <summary>
/// What the alert engine keeps in memory between batches (the monitors' alert settings) must never make it judge a
/// round by settings that were changed and announced before it, and availability_1h, now read only for monitors a
/// rule needs it for, must still be there for them.
/// </summary>
public sealed class AlertEngineMemoryTests
{
    [Fact]
    public async Task A_monitor_whose_change_was_announced_is_judged_by_its_new_settings_from_the_next_round()
    {
        await using var factory = new AlertTestFactory();
        var feed = factory.Feed;
        var monitor = await feed.AddMonitorAsync("shop", m => { m.EnableAlert = true; m.FailThreshold = 3; });
        await feed.CommitRoundsAsync(monitor.Id, false);
        await feed.EngineIdleAsync();
        Assert.Empty(await feed.EventsAsync());

        await using (var db = feed.Db())
            await db.Monitors.Where(m => m.Id == monitor.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.FailThreshold, 1));
        // What MonitorService publishes once a change has committed.
        feed.Bus.Publish(new MonitorConfigurationChanged(monitor.Id, Deleted: false));

        await feed.CommitRoundsAsync(monitor.Id, false);
        var fired = await feed.EventAsync(e => e.Status == AlertEventStatus.Firing, "the alert under the new threshold");
        Assert.Equal("consecutive_failures >= 1", fired.Condition);
    }

    [Fact]
    public async Task A_paused_monitor_announced_as_changed_moves_no_alert()
    {
        await using var factory = new AlertTestFactory();
        var feed = factory.Feed;
        var monitor = await feed.AddMonitorAsync("batch", m => { m.EnableAlert = true; m.FailThreshold = 2; });
        await feed.CommitRoundsAsync(monitor.Id, false);
        await feed.EngineIdleAsync();

        await using (var db = feed.Db())
            await db.Monitors.Where(m => m.Id == monitor.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Enabled, false));
        feed.Bus.Publish(new MonitorConfigurationChanged(monitor.Id, Deleted: false));
        await feed.CommitRoundsAsync(monitor.Id, false, false);
        await feed.EngineIdleAsync();

        Assert.Empty(await feed.EventsAsync());
    }

    [Fact]
    public async Task A_rule_on_availability_1h_still_gets_the_share_of_good_results_of_the_last_hour()
    {
        await using var factory = new AlertTestFactory();
        var feed = factory.Feed;
        var watched = await feed.AddMonitorAsync("api", _ => { });
        await using (var db = feed.Db())
        {
            db.AlertRules.Add(new AlertRule
            {
                Name = "api availability", Type = AlertRuleType.ServiceProbe, Condition = "availability_1h < 40", TargetIds = [watched.Id],
                CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        await feed.CommitRoundsAsync(watched.Id, true, false);
        await feed.EngineIdleAsync();
        Assert.Empty(await feed.EventsAsync());
        await feed.CommitRoundsAsync(watched.Id, false);
        var fired = await feed.EventAsync(e => e.Status == AlertEventStatus.Firing, "the availability rule");
        Assert.Contains("availability_1h=33.333", fired.Message);
    }
}
