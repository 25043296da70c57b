using System.Net;
using System.Text.Json;
using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.Alerts;

public class AlertEventsApiTests(AlertTestFactory factory) : IClassFixture<AlertTestFactory>
{
    /// <summary>A monitor that fires on its first failed round, and its firing event.</summary>
    private async Task<(MonitorDefinition Monitor, AlertEvent Event)> FiringAsync(string name, int? groupId = null)
    {
        var monitor = await factory.Feed.AddMonitorAsync(name, m => { m.EnableAlert = true; m.FailThreshold = 1; m.NotificationGroupId = groupId; });
        await factory.Feed.CommitRoundsAsync(monitor.Id, false);
        var alertEvent = await factory.Feed.EventAsync(e => e.TargetId == monitor.Id && e.Status == AlertEventStatus.Firing, $"{name} to fire");
        return (monitor, alertEvent);
    }

    private static async Task<JsonElement> DataAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.JsonAsync()).GetProperty("data");
    }

    [Fact]
    public async Task The_list_has_the_seed_fields_and_every_filter_narrows_it()
    {
        using var client = await factory.CreateClientAsync(UserRole.Viewer);
        var (monitor, alertEvent) = await FiringAsync("filtered");
        var data = await DataAsync(await client.GetAsync($"/api/v1/alert-events?target_id={monitor.Id}&target_type=service&status=firing&level=critical&acknowledged=false"));
        var item = data.GetProperty("items").EnumerateArray().Single();
        Assert.Equal((alertEvent.Id, "filtered is down", "service", "firing", "critical", false),
            (item.GetProperty("id").GetInt64(), item.GetProperty("alert_rule_name").GetString(), item.GetProperty("target_type").GetString(),
             item.GetProperty("status").GetString(), item.GetProperty("level").GetString(), item.GetProperty("acknowledged").GetBoolean()));
        Assert.Equal(1, item.GetProperty("current_value").GetProperty("consecutive_failures").GetDouble());
        Assert.Equal(JsonValueKind.Null, item.GetProperty("ack_user").ValueKind);
        Assert.Equal(JsonValueKind.String, item.GetProperty("pending_since").ValueKind);

        foreach (var miss in new[] { "status=resolved", "level=info", "acknowledged=true", "target_type=host", "alert_rule_id=99999",
                     $"start={Uri.EscapeDataString(DateTime.UtcNow.AddMinutes(5).ToString("O"))}", "end=1000000" })
        {
            var none = await DataAsync(await client.GetAsync($"/api/v1/alert-events?target_id={monitor.Id}&{miss}"));
            Assert.True(none.GetProperty("total").GetInt32() == 0, miss);
        }
        var window = await DataAsync(await client.GetAsync($"/api/v1/alert-events?target_id={monitor.Id}&start={DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeSeconds()}&end={Uri.EscapeDataString(DateTime.UtcNow.AddHours(1).ToString("O"))}"));
        Assert.Equal(1, window.GetProperty("total").GetInt32());

        foreach (var bad in new[] { "status=broken", "level=x", "acknowledged=maybe", "target_type=vm", "start=yesterday", "page_size=0", "alert_rule_id=a" })
            Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/api/v1/alert-events?{bad}")).StatusCode);
    }

    [Fact]
    public async Task The_list_pages_newest_first()
    {
        using var client = await factory.CreateClientAsync(UserRole.Viewer);
        await FiringAsync("page-a");
        var (_, newest) = await FiringAsync("page-b");
        var first = await DataAsync(await client.GetAsync("/api/v1/alert-events?page=1&page_size=1"));
        Assert.Equal(newest.Id, first.GetProperty("items")[0].GetProperty("id").GetInt64());
        Assert.True(first.GetProperty("total").GetInt32() >= 2);
        var second = await DataAsync(await client.GetAsync("/api/v1/alert-events?page=2&page_size=1"));
        Assert.NotEqual(newest.Id, second.GetProperty("items")[0].GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task The_detail_has_rule_target_history_timing_and_notifications()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var group = await factory.Feed.AddGroupAsync("detail-hook", webhooks: [(receiver.Url, null)]);
        var (monitor, alertEvent) = await FiringAsync("detailed", group.Id);
        await Eventually.TrueAsync(async () => (await factory.Feed.OutboxAsync()).Any(o => o.AlertEventId == alertEvent.Id && o.SentAt != null), "the notification");
        using var client = await factory.CreateClientAsync(UserRole.Viewer);
        var data = await DataAsync(await client.GetAsync($"/api/v1/alert-events/{alertEvent.Id}"));

        Assert.Equal(("consecutive_failures >= 1", 0), (data.GetProperty("alert_rule").GetProperty("condition").GetString(), data.GetProperty("alert_rule").GetProperty("duration").GetInt32()));
        Assert.Equal((monitor.Id, "service", "detailed"), (data.GetProperty("target").GetProperty("id").GetInt32(),
            data.GetProperty("target").GetProperty("type").GetString(), data.GetProperty("target").GetProperty("name").GetString()));
        Assert.True(data.GetProperty("target").TryGetProperty("uuid", out _));
        Assert.True(data.GetProperty("duration_seconds").GetInt64() >= 0);
        var history = data.GetProperty("history").EnumerateArray().ToList();
        Assert.NotEmpty(history);
        Assert.All(history, h => Assert.True(h.TryGetProperty("timestamp", out _) && h.TryGetProperty("consecutive_failures", out _)));
        var notification = data.GetProperty("notifications").EnumerateArray().Single();
        Assert.Equal(("webhook", "delivered"), (notification.GetProperty("channel").GetString(), notification.GetProperty("status").GetString()));
        Assert.Equal(JsonValueKind.String, notification.GetProperty("sent_at").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/alert-events/987654")).StatusCode);
    }

    [Fact]
    public async Task Acknowledge_records_the_signed_in_user_and_note_and_viewers_may_not()
    {
        var (_, alertEvent) = await FiringAsync("ack-me");
        var user = await factory.CreateUserAsync(UserRole.Operator, "night-shift");
        using var client = factory.CreateBearerClient(await factory.RequestTokenAsync("night-shift", DashboardFactory.UserPassword));
        var data = await DataAsync(await client.PostAsync($"/api/v1/alert-events/{alertEvent.Id}/acknowledge", ApiJson.Content(new { note = "on it" })));
        Assert.True(data.GetProperty("acknowledged").GetBoolean());
        Assert.Equal((user.Id, "night-shift", "on it"), (data.GetProperty("ack_user").GetProperty("id").GetInt32(),
            data.GetProperty("ack_user").GetProperty("name").GetString(), data.GetProperty("ack_note").GetString()));

        var stored = (await factory.Feed.EventsAsync()).Single(e => e.Id == alertEvent.Id);
        Assert.Equal((AlertEventStatus.Firing, alertEvent.TriggerTime), (stored.Status, stored.TriggerTime));

        using var viewer = await factory.CreateClientAsync(UserRole.Viewer);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync($"/api/v1/alert-events/{alertEvent.Id}/acknowledge", ApiJson.Content(new { note = "x" }))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/api/v1/alert-events/987654/acknowledge", ApiJson.Content(new { note = "x" }))).StatusCode);
    }

    [Fact]
    public async Task Bulk_acknowledge_reports_each_id()
    {
        var (_, a) = await FiringAsync("bulk-a");
        var (_, b) = await FiringAsync("bulk-b");
        using var client = await factory.CreateClientAsync(UserRole.Operator);
        var data = await DataAsync(await client.PostAsync("/api/v1/alert-events/acknowledge", ApiJson.Content(new { ids = new[] { a.Id, b.Id, 987654L }, note = "batch" })));
        Assert.Equal([a.Id, b.Id], data.GetProperty("acknowledged").EnumerateArray().Select(x => x.GetProperty("id").GetInt64()).Order());
        Assert.Equal((987654L, 404), (data.GetProperty("failed")[0].GetProperty("id").GetInt64(), data.GetProperty("failed")[0].GetProperty("code").GetInt32()));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/api/v1/alert-events/acknowledge", ApiJson.Content(new { ids = Array.Empty<long>() }))).StatusCode);
    }

    [Fact]
    public async Task Silence_sets_status_and_until_lifting_it_returns_to_firing_and_bad_requests_are_4xx()
    {
        var (monitor, alertEvent) = await FiringAsync("hush");
        using var client = await factory.CreateClientAsync(UserRole.Operator);
        var before = DateTime.UtcNow;
        var silenced = await DataAsync(await client.PostAsync($"/api/v1/alert-events/{alertEvent.Id}/silence", ApiJson.Content(new { duration = 3600 })));
        Assert.Equal("silenced", silenced.GetProperty("status").GetString());
        var until = silenced.GetProperty("silence_until").GetDateTime();
        Assert.InRange(until, before.AddSeconds(3590), DateTime.UtcNow.AddSeconds(3610));

        foreach (var bad in new object[] { new { duration = 0 }, new { duration = 99_999_999 }, new { } })
            Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync($"/api/v1/alert-events/{alertEvent.Id}/silence", ApiJson.Content(bad))).StatusCode);

        var lifted = await DataAsync(await client.DeleteAsync($"/api/v1/alert-events/{alertEvent.Id}/silence"));
        Assert.Equal(("firing", JsonValueKind.Null), (lifted.GetProperty("status").GetString(), lifted.GetProperty("silence_until").ValueKind));
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync($"/api/v1/alert-events/{alertEvent.Id}/unsilence", null)).StatusCode);

        await DataAsync(await client.PostAsync($"/api/v1/alert-events/{alertEvent.Id}/silence", ApiJson.Content(new { duration = 3600, notify_on_resolve = false })));
        await factory.Feed.CommitRoundsAsync(monitor.Id, true);
        var resolved = await factory.Feed.EventAsync(e => e.Id == alertEvent.Id && e.Status == AlertEventStatus.Resolved, "a silenced event to resolve at once");
        Assert.NotNull(resolved.RecoverTime);

        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync($"/api/v1/alert-events/{alertEvent.Id}/silence", ApiJson.Content(new { duration = 60 }))).StatusCode);
        var ackResolved = await client.PostAsync($"/api/v1/alert-events/{alertEvent.Id}/acknowledge", ApiJson.Content(new { note = "late" }));
        Assert.Equal(HttpStatusCode.Conflict, ackResolved.StatusCode);
        Assert.Contains("resolved", (await ackResolved.JsonAsync()).GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/api/v1/alert-events/987654/silence", ApiJson.Content(new { duration = 60 }))).StatusCode);
    }

    [Fact]
    public async Task A_silence_ends_on_time_and_the_event_is_firing_again()
    {
        var (_, alertEvent) = await FiringAsync("short-hush");
        using var client = await factory.CreateClientAsync(UserRole.Operator);
        await DataAsync(await client.PostAsync($"/api/v1/alert-events/{alertEvent.Id}/silence", ApiJson.Content(new { duration = 1 })));
        Assert.Equal(AlertEventStatus.Silenced, (await factory.Feed.EventsAsync()).Single(e => e.Id == alertEvent.Id).Status);
        var back = await factory.Feed.EventAsync(e => e.Id == alertEvent.Id && e.Status == AlertEventStatus.Firing, "the silence to run out");
        Assert.Null(back.SilenceUntil);
    }

    [Fact]
    public async Task Deleting_or_disabling_a_rule_closes_its_open_events_and_keeps_them_as_history()
    {
        using var client = await factory.CreateClientAsync(UserRole.Operator);
        var monitor = await factory.Feed.AddMonitorAsync("ruled", _ => { });
        object Body(bool enable) => new { name = "ruled down", enable, type = "service_probe", target_ids = new[] { monitor.Id }, condition = "success == 0" };
        var ruleId = (await DataAsync(await client.PostAsync("/api/v1/alert-rules", ApiJson.Content(Body(true))))).GetProperty("id").GetInt32();
        await factory.Feed.CommitRoundsAsync(monitor.Id, false);
        var first = await factory.Feed.EventAsync(e => e.AlertRuleId == ruleId && e.Status == AlertEventStatus.Firing, "the rule to fire");

        await DataAsync(await client.PutAsync($"/api/v1/alert-rules/{ruleId}", ApiJson.Content(Body(false))));
        await factory.Feed.EventAsync(e => e.Id == first.Id && e.Status == AlertEventStatus.Resolved, "disabling to close the event");
        await factory.Feed.CommitRoundsAsync(monitor.Id, false);
        await factory.Feed.EngineIdleAsync();
        Assert.Single(await factory.Feed.EventsAsync(), e => e.AlertRuleId == ruleId);

        await DataAsync(await client.PutAsync($"/api/v1/alert-rules/{ruleId}", ApiJson.Content(Body(true))));
        await factory.Feed.CommitRoundsAsync(monitor.Id, false);
        var second = await factory.Feed.EventAsync(e => e.AlertRuleId == ruleId && e.Status == AlertEventStatus.Firing, "the re-enabled rule to fire");
        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync($"/api/v1/alert-rules/{ruleId}")).StatusCode);
        await factory.Feed.EventAsync(e => e.Id == second.Id && e.Status == AlertEventStatus.Resolved, "deleting to close the event");
        var history = await DataAsync(await client.GetAsync($"/api/v1/alert-events?alert_rule_id={ruleId}"));
        Assert.Equal(2, history.GetProperty("total").GetInt32());
    }
}
