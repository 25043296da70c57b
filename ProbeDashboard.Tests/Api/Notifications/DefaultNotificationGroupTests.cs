using System.Net;
using System.Text.Json;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.Notifications;

/// <summary>Default notification groups: who a monitor without a group of its own alerts, and what its detail says.</summary>
public class DefaultNotificationGroupTests
{
    private static async Task<JsonElement> DataAsync(HttpResponseMessage response)
    {
        var json = await response.JsonAsync();
        Assert.True(response.IsSuccessStatusCode, json.ToString());
        return json.GetProperty("data");
    }

    private static async Task<List<(int Id, bool IsDefault, string Channels)>> ReachesAsync(HttpClient client, int monitorId) =>
        [.. (await DataAsync(await client.GetAsync($"/api/v1/service-monitors/{monitorId}"))).GetProperty("alert_reaches").EnumerateArray()
            .Select(r => (r.GetProperty("group_id").GetInt32(), r.GetProperty("is_default").GetBoolean(),
                string.Join(",", r.GetProperty("channels").EnumerateArray().Select(c => c.GetString()))))];

    [Fact]
    public async Task A_monitor_without_a_group_alerts_the_default_groups_and_its_detail_says_whom_it_reaches()
    {
        await using var factory = new AlertTestFactory();
        using var client = await factory.CreateClientAsync(UserRole.Operator);
        object Monitor(string name, int? notificationId = null) => new
        {
            name, type = 1, target = "http://127.0.0.1:9/", duration = 60, enable_alert = true, fail_threshold = 1, notification_id = notificationId,
        };
        var silent = (await DataAsync(await client.PostAsync("/api/v1/service-monitors", ApiJson.Content(Monitor("silent"))))).GetProperty("id").GetInt32();
        Assert.Empty(await ReachesAsync(client, silent));

        var quiet = (await DataAsync(await client.PostAsync("/api/v1/notification-groups", ApiJson.Content(new
        {
            name = "quiet", emails = new[] { "quiet@example.test" },
        })))).GetProperty("id").GetInt32();
        var onCall = await DataAsync(await client.PostAsync("/api/v1/notification-groups", ApiJson.Content(new
        {
            name = "on-call", webhooks = new[] { new { url = "http://127.0.0.1:9/on-call" } }, is_default = true,
        })));
        Assert.True(onCall.GetProperty("is_default").GetBoolean());
        var onCallId = onCall.GetProperty("id").GetInt32();

        // Decided when the alert fires: the monitor created before the default group now reaches it too.
        Assert.Equal([(onCallId, true, "webhook")], await ReachesAsync(client, silent));
        var chosen = (await DataAsync(await client.PostAsync("/api/v1/service-monitors", ApiJson.Content(Monitor("chosen", quiet))))).GetProperty("id").GetInt32();
        Assert.Equal([(quiet, false, "email")], await ReachesAsync(client, chosen));

        await factory.Feed.CommitRoundsAsync(silent, false);
        var outbox = await Eventually.GetAsync(async () => (await factory.Feed.OutboxAsync()) is { Count: > 0 } entries ? entries : null,
            "the alert of the monitor without a group in the outbox");
        Assert.All(outbox, o => Assert.Equal("http://127.0.0.1:9/on-call", o.Address));

        Assert.Equal(HttpStatusCode.OK, (await client.PutAsync($"/api/v1/notification-groups/{onCallId}", ApiJson.Content(new
        {
            name = "on-call", webhooks = new[] { new { url = "http://127.0.0.1:9/on-call" } }, is_default = false,
        }))).StatusCode);
        Assert.Empty(await ReachesAsync(client, silent));
    }
}
