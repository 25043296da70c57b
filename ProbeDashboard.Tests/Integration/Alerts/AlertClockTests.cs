using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Notifications;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Integration.Alerts;

/// <summary>The engine in the real app on an injected clock: durations, silences and reminders follow it, not the wall.</summary>
public sealed class AlertClockTests : IAsyncLifetime
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

    [Fact]
    public async Task A_rule_fires_only_once_its_duration_has_passed_on_the_clock_then_reminds_every_silence_period_until_acknowledged()
    {
        var feed = _app.Feed;
        var group = await feed.AddGroupAsync("clock", webhooks: [(_receiver.Url, null)]);
        await using (var db = feed.Db())
        {
            db.AlertRules.Add(new AlertRule
            {
                Name = "disk", Type = AlertRuleType.HostMonitor, Condition = "disk_usage >= 90", DurationSeconds = 300, SilencePeriodSeconds = 3600,
                NotificationGroupId = group.Id, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        var full = new Dictionary<string, double> { ["disk_usage"] = 97 };

        feed.PublishHostMetrics(3, "files-1", full);
        var pending = await feed.EventAsync(e => e.Status == AlertEventStatus.Pending, "pending");
        _clock.Advance(TimeSpan.FromSeconds(299));
        await feed.EngineTickedAsync();
        Assert.Equal(AlertEventStatus.Pending, (await feed.EventsAsync()).Single().Status);

        _clock.Advance(TimeSpan.FromSeconds(1));
        var fired = await feed.EventAsync(e => e.Status == AlertEventStatus.Firing, "firing at pending_since + 300 s");
        Assert.Equal(pending.PendingSince.AddSeconds(300), fired.TriggerTime);
        await Eventually.TrueAsync(() => _receiver.Requests.Count == 1, "the fired webhook");

        _clock.Advance(TimeSpan.FromSeconds(3599));
        await feed.EngineTickedAsync();
        Assert.Single(await feed.OutboxAsync());
        Assert.False(await feed.DispatcherIdleAsync());
        Assert.Single(_receiver.Requests);
        _clock.Advance(TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(() => _receiver.Requests.Count == 2, "a reminder after silence_period");
        Assert.Contains("alert_reminder", _receiver.Requests.Last().Body);

        var events = _app.Services.GetRequiredService<AlertEventService>();
        await events.AcknowledgeAsync(TestActors.Operator, fired.Id, "looking", CancellationToken.None);
        _clock.Advance(TimeSpan.FromHours(5));
        await feed.EngineTickedAsync();
        Assert.False(await feed.DispatcherIdleAsync());
        Assert.Equal(2, _receiver.Requests.Count);
        Assert.Equal(2, (await feed.OutboxAsync()).Count(o => o.Status == OutboxStatus.Delivered));
    }

    [Fact]
    public async Task A_silence_ends_when_the_clock_passes_it_and_a_recovery_during_it_still_resolves_at_once()
    {
        var feed = _app.Feed;
        var monitor = await feed.AddMonitorAsync("clocked", m => { m.EnableAlert = true; m.FailThreshold = 1; });
        var events = _app.Services.GetRequiredService<AlertEventService>();

        await feed.CommitRoundsAsync(monitor.Id, false);
        var fired = await feed.EventAsync(e => e.Status == AlertEventStatus.Firing, "firing");
        await events.SilenceAsync(TestActors.Operator, fired.Id, 3600, notifyOnResolve: true, CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(3599));
        await feed.EngineTickedAsync();
        Assert.Equal(AlertEventStatus.Silenced, (await feed.EventsAsync()).Single().Status);
        _clock.Advance(TimeSpan.FromSeconds(1));
        await feed.EventAsync(e => e.Status == AlertEventStatus.Firing && e.SilenceUntil == null, "the silence to end on the clock");

        await events.SilenceAsync(TestActors.Operator, fired.Id, 3600, notifyOnResolve: true, CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(10));
        await feed.CommitRoundsAsync(monitor.Id, true);
        var resolved = await feed.EventAsync(e => e.Status == AlertEventStatus.Resolved, "resolved while silenced");
        Assert.Equal(_clock.GetUtcNow().UtcDateTime, resolved.RecoverTime);
    }
}
