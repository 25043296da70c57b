using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Integration.Notifications;

/// <summary>
/// PagerDuty and Opsgenie: an incident opened when an alert fires, acknowledged when an operator acknowledges the event in
/// ProbeDashboard, and closed, by the same key, when it recovers.
/// </summary>
public class PagingChannelRequestTests(AlertTestFactory factory) : IClassFixture<AlertTestFactory>
{
    [Fact]
    public async Task PagerDuty_gets_a_trigger_an_acknowledge_then_a_resolve_with_one_dedup_key_per_alert_event()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var group = await ChannelSamples.CreateGroupAsync(factory, "pagerduty shape", ChannelSamples.Recipient("pagerduty", receiver.Url));
        var (monitor, fired) = await ChannelSamples.FireAsync(factory, group, "pagerduty checkout");
        await Eventually.TrueAsync(() => !receiver.Requests.IsEmpty, "the trigger");
        await Acknowledge(fired.Id, "on it");
        await Eventually.TrueAsync(() => receiver.Requests.Count == 2, "the acknowledge");
        await factory.Feed.CommitRoundsAsync(monitor.Id, true);
        await Eventually.TrueAsync(() => receiver.Requests.Count == 3, "the resolve");

        Assert.All(receiver.Requests, r => Assert.Equal(("POST", "/v2/enqueue"), (r.Method, r.Path)));
        var trigger = JsonDocument.Parse(receiver.Requests.First().Body).RootElement;
        var resolve = JsonDocument.Parse(receiver.Requests.Last().Body).RootElement;
        Assert.Equal(ChannelSamples.PagerDutyKey, trigger.GetProperty("routing_key").GetString());
        var acknowledge = JsonDocument.Parse(receiver.Requests.ElementAt(1).Body).RootElement;
        Assert.Equal(("trigger", "acknowledge", "resolve"), (trigger.GetProperty("event_action").GetString(),
            acknowledge.GetProperty("event_action").GetString(), resolve.GetProperty("event_action").GetString()));
        Assert.Equal($"probedashboard-event-{fired.Id}", trigger.GetProperty("dedup_key").GetString());
        Assert.All(new[] { acknowledge, resolve }, r => Assert.Equal(trigger.GetProperty("dedup_key").GetString(), r.GetProperty("dedup_key").GetString()));
        Assert.Equal(ChannelSamples.PagerDutyKey, acknowledge.GetProperty("routing_key").GetString());
        Assert.False(acknowledge.TryGetProperty("payload", out _));
        var payload = trigger.GetProperty("payload");
        Assert.Equal("[FIRING] pagerduty checkout is down", payload.GetProperty("summary").GetString());
        Assert.Equal("service pagerduty checkout", payload.GetProperty("source").GetString());
        Assert.Equal("critical", payload.GetProperty("severity").GetString());
        Assert.Equal($"http://dashboard.test/alerts/{fired.Id}", trigger.GetProperty("links")[0].GetProperty("href").GetString());
        Assert.False(resolve.TryGetProperty("payload", out _));
    }

    [Fact]
    public async Task Opsgenie_creates_an_alert_by_alias_with_the_genie_key_acknowledges_and_closes_it_by_the_same_alias()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var group = await ChannelSamples.CreateGroupAsync(factory, "opsgenie shape", ChannelSamples.Recipient("opsgenie", receiver.Url));
        var (monitor, fired) = await ChannelSamples.FireAsync(factory, group, "opsgenie checkout");
        await Eventually.TrueAsync(() => !receiver.Requests.IsEmpty, "the create");
        await Acknowledge(fired.Id, "<b>on it</b>");
        await Eventually.TrueAsync(() => receiver.Requests.Count == 2, "the acknowledge");
        await factory.Feed.CommitRoundsAsync(monitor.Id, true);
        await Eventually.TrueAsync(() => receiver.Requests.Count == 3, "the close");

        var alias = $"probedashboard-event-{fired.Id}";
        var create = receiver.Requests.First();
        Assert.Equal(("POST", "/v2/alerts"), (create.Method, create.Path));
        Assert.Equal($"GenieKey {ChannelSamples.OpsgenieKey}", create.Headers["Authorization"]);
        var body = JsonDocument.Parse(create.Body).RootElement;
        Assert.Equal(alias, body.GetProperty("alias").GetString());
        Assert.Equal("[FIRING] opsgenie checkout is down", body.GetProperty("message").GetString());
        Assert.Equal("P1", body.GetProperty("priority").GetString());
        Assert.Equal($"http://dashboard.test/alerts/{fired.Id}", body.GetProperty("details").GetProperty("url").GetString());

        var acknowledge = receiver.Requests.ElementAt(1);
        Assert.Equal(("POST", $"/v2/alerts/{alias}/acknowledge?identifierType=alias"), (acknowledge.Method, acknowledge.Path));
        Assert.Equal($"GenieKey {ChannelSamples.OpsgenieKey}", acknowledge.Headers["Authorization"]);
        Assert.Equal($"Acknowledged by {TestActors.Operator.Name}: <b>on it</b>", JsonDocument.Parse(acknowledge.Body).RootElement.GetProperty("note").GetString());

        var close = receiver.Requests.Last();
        Assert.Equal(("POST", $"/v2/alerts/{alias}/close?identifierType=alias"), (close.Method, close.Path));
        Assert.Equal($"GenieKey {ChannelSamples.OpsgenieKey}", close.Headers["Authorization"]);
        Assert.Equal("ProbeDashboard", JsonDocument.Parse(close.Body).RootElement.GetProperty("source").GetString());
    }

    private async Task Acknowledge(long eventId, string note)
    {
        var acknowledged = await factory.Services.GetRequiredService<AlertEventService>().AcknowledgeAsync(TestActors.Operator, eventId, note, CancellationToken.None);
        Assert.Equal(ProbeDashboard.Core.Alerts.Engine.AlertCommandOutcome.Done, acknowledged.Outcome);
    }
}
