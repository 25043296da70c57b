using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Notifications;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.Notifications;

/// <summary>Service channel recipients through /api/v1/notification-groups: checked on save, secrets write-only and encrypted.</summary>
public class ChannelRecipientsApiTests(AlertTestFactory factory) : IClassFixture<AlertTestFactory>
{
    private static readonly string[] AllSecrets =
        ["s3cr3t", ChannelSamples.TelegramToken, ChannelSamples.PagerDutyKey, ChannelSamples.OpsgenieKey, ChannelSamples.PushoverUser, ChannelSamples.PushoverApp, "AppTokenS3cr3t"];

    [Theory]
    [InlineData("""{"kind": "icq"}""", "recipients[0].kind")]
    [InlineData("""{"kind": "slack"}""", "recipients[0].webhook_url")]
    [InlineData("""{"kind": "slack", "webhook_url": "ftp://127.0.0.1/x"}""", "recipients[0].webhook_url")]
    [InlineData("""{"kind": "slack", "webhook_url": "http://127.0.0.1/x", "chat_id": "1"}""", "recipients[0].chat_id")]
    [InlineData("""{"kind": "discord", "webhook_url": "not a url"}""", "recipients[0].webhook_url")]
    [InlineData("""{"kind": "teams", "webhook_url": ""}""", "recipients[0].webhook_url")]
    [InlineData("""{"kind": "telegram", "bot_token": "123456:ABCdefGhIJKlmNoPQRsTUVwxyZ", "chat_id": "ops room"}""", "recipients[0].chat_id")]
    [InlineData("""{"kind": "telegram", "bot_token": "not-a-token", "chat_id": "-100123"}""", "recipients[0].bot_token")]
    [InlineData("""{"kind": "matrix", "access_token": "t", "room_id": "#ops:example.org", "api_url": "http://127.0.0.1"}""", "recipients[0].room_id")]
    [InlineData("""{"kind": "matrix", "access_token": "t", "room_id": "!ops:example.org"}""", "recipients[0].api_url")]
    [InlineData("""{"kind": "ntfy", "topic": "ops alerts!"}""", "recipients[0].topic")]
    [InlineData("""{"kind": "gotify", "api_url": "http://127.0.0.1", "app_token": "t", "priority": 11}""", "recipients[0].priority")]
    [InlineData("""{"kind": "gotify", "app_token": "t"}""", "recipients[0].api_url")]
    [InlineData("""{"kind": "pushover", "user_key": "short", "app_token": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}""", "recipients[0].user_key")]
    [InlineData("""{"kind": "pushover", "user_key": "uuuuuuuuuuuuuuuuuuuuuuuuuuuuuu"}""", "recipients[0].app_token")]
    [InlineData("""{"kind": "pagerduty", "routing_key": "too-short"}""", "recipients[0].routing_key")]
    [InlineData("""{"kind": "opsgenie", "api_key": "not-a-uuid"}""", "recipients[0].api_key")]
    [InlineData("""{"kind": "ntfy", "topic": "a"}, {"kind": "ntfy", "topic": "a"}""", "recipients[1].name")]
    public async Task A_bad_recipient_is_a_400_naming_its_field_and_nothing_is_saved(string recipients, string field)
    {
        using var client = await factory.CreateClientAsync(UserRole.Operator);
        var name = $"bad {Guid.NewGuid():N}";

        using var response = await client.PostAsync("/api/v1/notification-groups", ApiJson.Raw($$"""{"name": "{{name}}", "recipients": [{{recipients}}]}"""));

        var body = await response.JsonAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), body.ToString());
        await using var db = factory.Feed.Db();
        Assert.False(await db.NotificationGroups.AnyAsync(g => g.Name == name));
    }

    [Fact]
    public async Task Secrets_of_every_kind_are_stored_encrypted_never_returned_and_kept_when_an_update_leaves_them_out()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var client = await factory.CreateClientAsync(UserRole.Operator);
        var id = await ChannelSamples.CreateGroupAsync(factory, "every kind", [.. ChannelSamples.Kinds.Select(k => ChannelSamples.Recipient(k, receiver.Url))]);

        var shown = await client.GetStringAsync($"/api/v1/notification-groups/{id}");
        Assert.All(AllSecrets, s => Assert.DoesNotContain(s, shown));
        var recipients = JsonDocument.Parse(shown).RootElement.GetProperty("data").GetProperty("recipients");
        Assert.Equal(ChannelSamples.Kinds, recipients.EnumerateArray().Select(r => r.GetProperty("kind").GetString()));
        Assert.All(recipients.EnumerateArray(), r => Assert.True(r.GetProperty("has_secret").GetBoolean()));
        Assert.Equal("-100123", recipients[3].GetProperty("chat_id").GetString());
        Assert.Equal("telegram -100123", recipients[3].GetProperty("name").GetString());
        await using (var db = factory.Feed.Db())
        {
            var stored = await db.NotificationRecipients.Where(r => r.NotificationGroupId == id).ToListAsync();
            Assert.Equal(10, stored.Count);
            Assert.All(stored, r => Assert.All(AllSecrets, s => Assert.DoesNotContain(s, r.ProtectedSecret + r.SettingsJson + r.Address)));
        }

        // What GET showed, sent back as is: every secret is kept, so "send test" still reaches every service with it.
        using var updated = await client.PutAsync($"/api/v1/notification-groups/{id}", ApiJson.Raw(
            $$"""{"name": "every kind", "recipients": {{recipients.GetRawText()}}}"""));
        Assert.True(updated.StatusCode == HttpStatusCode.OK, await updated.Content.ReadAsStringAsync());
        using var test = await client.PostAsync($"/api/v1/notification-groups/{id}/test", null);
        Assert.Equal(10, (await test.JsonAsync()).GetProperty("data").GetProperty("queued").GetInt32());
        await Eventually.TrueAsync(() => receiver.Requests.Count == 10, "ten test messages");
        Assert.Contains(receiver.Requests, r => r.Path == $"/bot{ChannelSamples.TelegramToken}/sendMessage");
        Assert.Contains(receiver.Requests, r => r.Path == "/services/T000/B000/s3cr3t");
        Assert.Contains(receiver.Requests, r => r.Headers.TryGetValue("X-Gotify-Key", out var key) && key == "AppTokenS3cr3t");
        Assert.Contains(receiver.Requests, r => r.Body.Contains(ChannelSamples.PagerDutyKey));
    }

    [Fact]
    public async Task A_renamed_recipient_without_its_secret_is_refused_since_the_secret_belongs_to_the_old_name()
    {
        using var client = await factory.CreateClientAsync(UserRole.Operator);
        var id = await ChannelSamples.CreateGroupAsync(factory, "renamed", ChannelSamples.Recipient("telegram", "http://127.0.0.1:9"));

        using var updated = await client.PutAsync($"/api/v1/notification-groups/{id}", ApiJson.Raw(
            """{"name": "renamed", "recipients": [{"kind": "telegram", "chat_id": "-100999"}]}"""));

        Assert.Equal(HttpStatusCode.BadRequest, updated.StatusCode);
        Assert.True((await updated.JsonAsync()).GetProperty("errors").TryGetProperty("recipients[0].bot_token", out _));
        await using var db = factory.Feed.Db();
        Assert.Equal("telegram -100123", (await db.NotificationRecipients.SingleAsync(r => r.NotificationGroupId == id)).Address);
    }
}
