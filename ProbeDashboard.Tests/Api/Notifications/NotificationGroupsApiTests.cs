using System.Net;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Notifications;
using ProbeDashboard.Core.Notifications.Webhook;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.Notifications;

public class NotificationGroupsApiTests(AlertTestFactory factory) : IClassFixture<AlertTestFactory>
{
    [Fact]
    public async Task Create_update_and_delete_a_group_and_its_webhook_secret_is_stored_encrypted_and_never_returned()
    {
        using var client = await factory.CreateClientAsync(UserRole.Operator);
        using var created = await client.PostAsync("/api/v1/notification-groups", ApiJson.Content(new
        {
            name = "payments on-call",
            emails = new[] { "a@example.test" },
            webhooks = new[] { new { url = "http://127.0.0.1:9/hook", secret = "top-secret-value" } },
            phones = new[] { "+49 170 1234567" },
        }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadAsStringAsync();
        Assert.DoesNotContain("top-secret-value", body);
        var data = (await created.JsonAsync()).GetProperty("data");
        var id = data.GetProperty("id").GetInt32();
        Assert.True(data.GetProperty("webhooks")[0].GetProperty("has_secret").GetBoolean());
        Assert.Equal("+49 170 1234567", data.GetProperty("phones")[0].GetString());

        await using (var db = factory.Feed.Db())
        {
            var stored = await db.NotificationRecipients.SingleAsync(r => r.NotificationGroupId == id && r.Channel == NotificationChannelKind.Webhook);
            Assert.DoesNotContain("top-secret-value", stored.ProtectedSecret);
        }
        var keyRing = Path.Combine(factory.DataDirectory, "keys");
        Assert.NotEmpty(Directory.GetFiles(keyRing, "key-*.xml"));
        Assert.All(Directory.GetFiles(keyRing, "key-*.xml"), key => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key)));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(keyRing));

        // Leaving the secret out keeps it; the e-mail list is replaced.
        using var updated = await client.PutAsync($"/api/v1/notification-groups/{id}", ApiJson.Content(new
        {
            name = "payments on-call",
            emails = new[] { "b@example.test" },
            webhooks = new[] { new { url = "http://127.0.0.1:9/hook" } },
        }));
        var after = (await updated.JsonAsync()).GetProperty("data");
        Assert.Equal("b@example.test", after.GetProperty("emails").EnumerateArray().Single().GetString());
        Assert.True(after.GetProperty("webhooks")[0].GetProperty("has_secret").GetBoolean());
        Assert.Equal(0, after.GetProperty("phones").GetArrayLength());

        var listed = (await (await client.GetAsync("/api/v1/notification-groups")).JsonAsync()).GetProperty("data");
        Assert.Contains(listed.EnumerateArray(), g => g.GetProperty("id").GetInt32() == id);
        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync($"/api/v1/notification-groups/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/notification-groups/{id}")).StatusCode);
    }

    [Theory]
    [InlineData("""{"name": ""}""", "name")]
    [InlineData("""{"name": "g", "emails": ["not-an-address"]}""", "emails")]
    [InlineData("""{"name": "g", "webhooks": [{"url": "ftp://127.0.0.1/x"}]}""", "webhooks")]
    [InlineData("""{"name": "g", "webhooks": [{"secret": "s"}]}""", "webhooks")]
    [InlineData("""{"name": "g", "phones": ["call me"]}""", "phones")]
    public async Task Bad_groups_are_400_naming_the_field(string json, string field)
    {
        using var client = await factory.CreateClientAsync(UserRole.Operator);
        using var response = await client.PostAsync("/api/v1/notification-groups", ApiJson.Raw(json));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Duplicate_names_and_deleting_a_group_in_use_are_409_and_viewers_cannot_write()
    {
        using var client = await factory.CreateClientAsync(UserRole.Operator);
        var group = await factory.Feed.AddGroupAsync("in use");
        await factory.Feed.AddMonitorAsync("uses group", m => m.NotificationGroupId = group.Id);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync("/api/v1/notification-groups", ApiJson.Content(new { name = "in use" }))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.DeleteAsync($"/api/v1/notification-groups/{group.Id}")).StatusCode);

        using var viewer = await factory.CreateClientAsync(UserRole.Viewer);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/v1/notification-groups")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync("/api/v1/notification-groups", ApiJson.Content(new { name = "v" }))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsync("/api/v1/notification-groups/987654", ApiJson.Content(new { name = "x" }))).StatusCode);
    }

    [Fact]
    public async Task Send_test_posts_a_signed_test_message_to_the_groups_webhook()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var client = await factory.CreateClientAsync(UserRole.Operator);
        using var created = await client.PostAsync("/api/v1/notification-groups", ApiJson.Content(new
        {
            name = "test me", webhooks = new[] { new { url = receiver.Url + "/t", secret = "k" } },
        }));
        var id = (await created.JsonAsync()).GetProperty("data").GetProperty("id").GetInt32();

        using var test = await client.PostAsync($"/api/v1/notification-groups/{id}/test", null);
        Assert.Equal(1, (await test.JsonAsync()).GetProperty("data").GetProperty("queued").GetInt32());
        await Eventually.TrueAsync(() => !receiver.Requests.IsEmpty, "the test message");
        var received = receiver.Requests.Single();
        Assert.Contains("\"type\":\"test\"", received.Body);
        Assert.Equal(WebhookChannel.Sign("k", System.Text.Encoding.UTF8.GetBytes(received.Body)), received.Headers[WebhookChannel.SignatureHeader]);

        var empty = await factory.Feed.AddGroupAsync("nobody");
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync($"/api/v1/notification-groups/{empty.Id}/test", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/api/v1/notification-groups/987654/test", null)).StatusCode);
    }
}
