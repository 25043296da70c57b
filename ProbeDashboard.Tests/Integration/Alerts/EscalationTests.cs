using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Alerts.Escalation;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Integration.Alerts;

/// <summary>
/// Escalation on the injected clock, in the real app with real webhook receivers: the first step goes out when the event
/// fires, the second only when its time comes and nobody acknowledged, resolved or silenced the event first; the steps
/// live in the database, so a restart between them neither skips nor repeats one.
/// </summary>
public sealed class EscalationTests : IAsyncLifetime
{
    private readonly ManualTimeProvider _clock = new();
    private readonly TempDirectory _data = new();
    private AlertTestFactory _app = null!;
    private WebhookReceiver _first = null!;
    private WebhookReceiver _second = null!;

    public async Task InitializeAsync()
    {
        _app = Start();
        _first = await WebhookReceiver.StartAsync();
        _second = await WebhookReceiver.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _first.DisposeAsync();
        await _second.DisposeAsync();
        _data.Dispose();
    }

    private AlertTestFactory Start()
    {
        var app = AlertTestFactory.OnExistingData(_data.Path);
        app.Time = _clock;
        return app;
    }

    /// <summary>Step 1 at once to the first receiver's group, step 2 after 300 s to the second's; a monitor escalating by it.</summary>
    private async Task<MonitorDefinition> MonitorWithPolicyAsync(int repeat = 0)
    {
        var feed = _app.Feed;
        var first = await feed.AddGroupAsync("first line", webhooks: [(_first.Url, null)]);
        var second = await feed.AddGroupAsync("second line", webhooks: [(_second.Url, null)]);
        var saved = await _app.Services.GetRequiredService<EscalationPolicyService>().CreateAsync(Actor.System,
            new EscalationPolicyInput("on-call", [new EscalationStepInput(0, [first.Id]), new EscalationStepInput(300, [second.Id])], repeat), CancellationToken.None);
        Assert.Equal(EscalationChangeOutcome.Done, saved.Outcome);
        return await feed.AddMonitorAsync("checkout", m => { m.EnableAlert = true; m.FailThreshold = 1; m.EscalationPolicyId = saved.Policy!.Id; });
    }

    private async Task<AlertEvent> FireAsync(MonitorDefinition monitor)
    {
        await _app.Feed.CommitRoundsAsync(monitor.Id, false);
        var fired = await _app.Feed.EventAsync(e => e.Status == AlertEventStatus.Firing, "the alert to fire");
        await Eventually.TrueAsync(() => _first.Requests.Count == 1, "step 1 to the first line");
        return fired;
    }

    /// <summary>Moves the clock, waits for a tick at the new time and for the dispatcher to send what is due.</summary>
    private async Task AdvanceAsync(int seconds)
    {
        _clock.Advance(TimeSpan.FromSeconds(seconds));
        await _app.Feed.EngineTickedAsync();
        Assert.False(await _app.Feed.DispatcherIdleAsync());
    }

    private async Task<IReadOnlyList<EscalationNotice>> TimelineAsync(long eventId) =>
        (await _app.Services.GetRequiredService<AlertEventService>().GetAsync(TestActors.Viewer, eventId, CancellationToken.None))!.Escalation!;

    [Fact]
    public async Task Step_two_goes_out_when_its_time_comes_unacknowledged_and_the_recovery_reaches_every_group_notified()
    {
        var monitor = await MonitorWithPolicyAsync();
        var fired = await FireAsync(monitor);
        Assert.Contains("alert_fired", _first.Requests.Single().Body);

        await AdvanceAsync(299);
        Assert.Empty(_second.Requests);
        await AdvanceAsync(1);
        Assert.Contains("alert_fired", Assert.Single(_second.Requests).Body);
        await AdvanceAsync(3600);
        Assert.Single(_second.Requests);

        await _app.Feed.CommitRoundsAsync(monitor.Id, true);
        await Eventually.TrueAsync(() => _first.Requests.Count == 2 && _second.Requests.Count == 2, "the recovery to both lines");
        Assert.Contains("alert_resolved", _first.Requests.Last().Body);
        Assert.Contains("alert_resolved", _second.Requests.Last().Body);
        var timeline = await TimelineAsync(fired.Id);
        Assert.Equal([(1, EscalationNoticeStatus.Sent), (2, EscalationNoticeStatus.Sent)], timeline.Select(n => (n.StepNumber, n.Status)));
        Assert.Equal(timeline[0].SentAt!.Value.AddSeconds(300), timeline[1].SentAt);
    }

    [Fact]
    public async Task Acknowledging_before_step_two_cancels_it_and_tells_the_groups_already_notified_who_took_it()
    {
        var monitor = await MonitorWithPolicyAsync();
        var fired = await FireAsync(monitor);

        await _app.Services.GetRequiredService<AlertEventService>().AcknowledgeAsync(TestActors.Operator, fired.Id, "on it", CancellationToken.None);
        await Eventually.TrueAsync(() => _first.Requests.Count == 2, "the acknowledgement to the first line");
        Assert.Contains("alert_acknowledged", _first.Requests.Last().Body);
        Assert.Contains("on it", _first.Requests.Last().Body);
        Assert.Contains(TestActors.Operator.Name, _first.Requests.Last().Body);

        await AdvanceAsync(900);
        Assert.Empty(_second.Requests);
        var cancelled = (await TimelineAsync(fired.Id))[1];
        Assert.Equal((EscalationNoticeStatus.Cancelled, Escalator.Acknowledged), (cancelled.Status, cancelled.CancelReason));
    }

    [Fact]
    public async Task A_silence_holds_step_two_until_it_ends()
    {
        var monitor = await MonitorWithPolicyAsync();
        var fired = await FireAsync(monitor);
        await _app.Services.GetRequiredService<AlertEventService>().SilenceAsync(TestActors.Operator, fired.Id, 600, true, CancellationToken.None);

        await AdvanceAsync(300);
        await AdvanceAsync(299);
        Assert.Empty(_second.Requests);
        await AdvanceAsync(1);
        await Eventually.TrueAsync(() => _second.Requests.Count == 1, "step 2 once the silence is over");
        await AdvanceAsync(60);
        Assert.Single(_second.Requests);
    }

    [Fact]
    public async Task A_step_due_while_the_server_was_down_is_sent_once_at_start_up()
    {
        var monitor = await MonitorWithPolicyAsync();
        var fired = await FireAsync(monitor);
        await _app.DisposeAsync();

        _clock.Advance(TimeSpan.FromSeconds(1800));
        _app = Start();
        await _app.Feed.EngineTickedAsync();
        await Eventually.TrueAsync(() => _second.Requests.Count == 1, "the overdue step 2 after the restart");
        await AdvanceAsync(10);
        await AdvanceAsync(600);
        Assert.Single(_second.Requests);
        Assert.Single(_first.Requests);
        Assert.Equal(2, (await TimelineAsync(fired.Id)).Count(n => n.Status == EscalationNoticeStatus.Sent));
    }

    [Fact]
    public async Task The_last_step_repeats_as_often_as_the_policy_says_and_then_stops()
    {
        var monitor = await MonitorWithPolicyAsync(repeat: 2);
        await FireAsync(monitor);

        foreach (var expected in new[] { 1, 2, 3 })
        {
            await AdvanceAsync(300);
            Assert.Equal(expected, _second.Requests.Count);
        }
        await AdvanceAsync(3000);
        Assert.Equal(3, _second.Requests.Count);
    }
}
