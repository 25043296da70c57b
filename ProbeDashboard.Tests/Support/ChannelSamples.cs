using System.Net;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Notifications;

namespace ProbeDashboard.Tests.Support;

/// <summary>
/// A valid recipient of every service channel kind, pointed at a local receiver, and the steps the channel tests
/// share: save a group through the API (validated and encrypted as in production), fire and resolve an alert.
/// </summary>
public static class ChannelSamples
{
    public const string TelegramToken = "123456:ABCdefGhIJKlmNoPQRsTUVwxyZ_s3cr3t";
    public const string PagerDutyKey = "R0UT1NGKEYR0UT1NGKEYR0UT1NGKEY12";
    public const string OpsgenieKey = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    public static readonly string PushoverUser = new('u', 30);
    public static readonly string PushoverApp = new('a', 30);

    public static readonly string[] Kinds = ["slack", "discord", "teams", "telegram", "matrix", "ntfy", "gotify", "pushover", "pagerduty", "opsgenie"];

    public static TheoryData<string> AllKinds => [.. Kinds];

    /// <summary>The recipient as the API takes it; every secret in it contains "s3cr3t" or is one of the constants above.</summary>
    public static Dictionary<string, object?> Recipient(string kind, string receiverUrl) => kind switch
    {
        "slack" => new() { ["kind"] = kind, ["webhook_url"] = receiverUrl + "/services/T000/B000/s3cr3t" },
        "discord" => new() { ["kind"] = kind, ["webhook_url"] = receiverUrl + "/api/webhooks/42/s3cr3t" },
        "teams" => new() { ["kind"] = kind, ["webhook_url"] = receiverUrl + "/workflows/run?sig=s3cr3t" },
        "telegram" => new() { ["kind"] = kind, ["bot_token"] = TelegramToken, ["chat_id"] = "-100123", ["api_url"] = receiverUrl },
        "matrix" => new() { ["kind"] = kind, ["api_url"] = receiverUrl, ["access_token"] = "syt_s3cr3t", ["room_id"] = "!ops:example.org" },
        "ntfy" => new() { ["kind"] = kind, ["api_url"] = receiverUrl, ["topic"] = "ops-alerts", ["access_token"] = "tk_s3cr3t" },
        "gotify" => new() { ["kind"] = kind, ["api_url"] = receiverUrl, ["app_token"] = "AppTokenS3cr3t" },
        "pushover" => new() { ["kind"] = kind, ["user_key"] = PushoverUser, ["app_token"] = PushoverApp, ["api_url"] = receiverUrl },
        "pagerduty" => new() { ["kind"] = kind, ["routing_key"] = PagerDutyKey, ["api_url"] = receiverUrl },
        "opsgenie" => new() { ["kind"] = kind, ["api_key"] = OpsgenieKey, ["api_url"] = receiverUrl },
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <returns>The new group's id.</returns>
    public static async Task<int> CreateGroupAsync(AlertTestFactory factory, string name, params Dictionary<string, object?>[] recipients)
    {
        using var client = await factory.CreateClientAsync(UserRole.Operator);
        using var created = await client.PostAsync("/api/v1/notification-groups", ApiJson.Content(new { name, recipients }));
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await created.JsonAsync()).GetProperty("data").GetProperty("id").GetInt32();
    }

    /// <summary>A monitor named <paramref name="monitorName"/> alerting to the group, failed once: its alert fires.</summary>
    public static async Task<(MonitorDefinition Monitor, AlertEvent Fired)> FireAsync(AlertTestFactory factory, int groupId, string monitorName)
    {
        var feed = factory.Feed;
        var monitor = await feed.AddMonitorAsync(monitorName, m => { m.EnableAlert = true; m.FailThreshold = 1; m.NotificationGroupId = groupId; });
        await feed.CommitRoundsAsync(monitor.Id, false);
        var fired = await feed.EventAsync(e => e.TargetId == monitor.Id && e.Status == AlertEventStatus.Firing, $"{monitorName} firing");
        return (monitor, fired);
    }

    /// <summary>The outbox messages about one event, oldest first.</summary>
    public static async Task<List<NotificationOutboxEntry>> OutboxOfAsync(AlertTestFactory factory, long eventId)
    {
        await using var db = factory.Feed.Db();
        return await db.NotificationOutbox.AsNoTracking().Where(o => o.AlertEventId == eventId).OrderBy(o => o.Id).ToListAsync();
    }
}
