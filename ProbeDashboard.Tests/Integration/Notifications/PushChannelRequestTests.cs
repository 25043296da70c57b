using System.Text.Json;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Integration.Notifications;

/// <summary>ntfy, Gotify and Pushover get the request their API documents, with priority by level.</summary>
public class PushChannelRequestTests(AlertTestFactory factory) : IClassFixture<AlertTestFactory>
{
    [Fact]
    public async Task Ntfy_gets_a_json_publish_with_the_token_urgent_priority_and_tags_then_a_default_priority_resolve()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var group = await ChannelSamples.CreateGroupAsync(factory, "ntfy shape", ChannelSamples.Recipient("ntfy", receiver.Url));
        var (monitor, fired) = await ChannelSamples.FireAsync(factory, group, "ntfy checkout");
        await Eventually.TrueAsync(() => !receiver.Requests.IsEmpty, "the ntfy publish");

        var request = Assert.Single(receiver.Requests);
        Assert.Equal(("POST", "/"), (request.Method, request.Path));
        Assert.Equal("Bearer tk_s3cr3t", request.Headers["Authorization"]);
        var body = JsonDocument.Parse(request.Body).RootElement;
        Assert.Equal("ops-alerts", body.GetProperty("topic").GetString());
        Assert.Equal("[FIRING] ntfy checkout is down", body.GetProperty("title").GetString());
        Assert.Equal(5, body.GetProperty("priority").GetInt32());
        Assert.Equal("rotating_light", body.GetProperty("tags")[0].GetString());
        Assert.Equal($"http://dashboard.test/alerts/{fired.Id}", body.GetProperty("click").GetString());
        Assert.Contains("Target: service ntfy checkout", body.GetProperty("message").GetString());

        await factory.Feed.CommitRoundsAsync(monitor.Id, true);
        await Eventually.TrueAsync(() => receiver.Requests.Count == 2, "the resolve publish");
        var resolved = JsonDocument.Parse(receiver.Requests.Last().Body).RootElement;
        Assert.Equal((3, "white_check_mark"), (resolved.GetProperty("priority").GetInt32(), resolved.GetProperty("tags")[0].GetString()));
    }

    [Fact]
    public async Task Gotify_gets_a_message_with_the_app_token_header_priority_by_level_and_a_click_url()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var group = await ChannelSamples.CreateGroupAsync(factory, "gotify shape", ChannelSamples.Recipient("gotify", receiver.Url));
        var (_, fired) = await ChannelSamples.FireAsync(factory, group, "gotify checkout");
        await Eventually.TrueAsync(() => !receiver.Requests.IsEmpty, "the gotify message");

        var request = Assert.Single(receiver.Requests);
        Assert.Equal(("POST", "/message"), (request.Method, request.Path));
        Assert.Equal("AppTokenS3cr3t", request.Headers["X-Gotify-Key"]);
        var body = JsonDocument.Parse(request.Body).RootElement;
        Assert.Equal("[FIRING] gotify checkout is down", body.GetProperty("title").GetString());
        Assert.Equal(8, body.GetProperty("priority").GetInt32());
        Assert.Equal($"http://dashboard.test/alerts/{fired.Id}",
            body.GetProperty("extras").GetProperty("client::notification").GetProperty("click").GetProperty("url").GetString());
    }

    [Fact]
    public async Task Pushover_sends_critical_at_emergency_priority_with_retry_and_expire_unless_the_recipient_sets_a_priority()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var quiet = ChannelSamples.Recipient("pushover", receiver.Url + "/quiet");
        quiet["priority"] = 0;
        quiet["name"] = "quiet phone";
        var group = await ChannelSamples.CreateGroupAsync(factory, "pushover shape", ChannelSamples.Recipient("pushover", receiver.Url), quiet);
        var (_, fired) = await ChannelSamples.FireAsync(factory, group, "pushover checkout");
        await Eventually.TrueAsync(() => receiver.Requests.Count == 2, "both pushover messages");

        var loud = Assert.Single(receiver.Requests, r => r.Path == "/1/messages.json");
        var body = JsonDocument.Parse(loud.Body).RootElement;
        Assert.Equal((ChannelSamples.PushoverApp, ChannelSamples.PushoverUser), (body.GetProperty("token").GetString(), body.GetProperty("user").GetString()));
        Assert.Equal("[FIRING] pushover checkout is down", body.GetProperty("title").GetString());
        Assert.Equal($"http://dashboard.test/alerts/{fired.Id}", body.GetProperty("url").GetString());
        Assert.Equal((2, 60, 3600), (body.GetProperty("priority").GetInt32(), body.GetProperty("retry").GetInt32(), body.GetProperty("expire").GetInt32()));

        var calm = JsonDocument.Parse(Assert.Single(receiver.Requests, r => r.Path == "/quiet/1/messages.json").Body).RootElement;
        Assert.Equal(0, calm.GetProperty("priority").GetInt32());
        Assert.False(calm.TryGetProperty("retry", out _));
    }
}
