using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ProbeDashboard.Core.Alerts;

namespace ProbeDashboard.Core.Notifications;

/// <summary>
/// Writes the outbox messages for one alert change: what happened, where, since when, the current value
/// and a link to the event. One message per recipient, so each is retried and reported on its own.
/// </summary>
public sealed class NotificationComposer(DashboardAddress dashboard)
{
    public IEnumerable<NotificationOutboxEntry> Compose(AlertEvent alertEvent, NotificationPurpose purpose, NotificationGroup group, DateTime now)
    {
        var link = dashboard.AlertLink(alertEvent.Id);
        var subject = $"[{Tag(purpose)}] {alertEvent.Title}";
        var body = Body(alertEvent, purpose, link);
        var payload = Payload(alertEvent, purpose, link);
        var sms = $"{subject} - since {Time(alertEvent.TriggerTime ?? alertEvent.PendingSince)} - {link}";
        return group.Recipients.Select(r =>
        {
            var standard = r.Channel == NotificationChannelKind.Sms ? sms : body;
            var (title, text, failure) = Templates.GroupTemplates.Render(group, alertEvent, purpose, r.Channel, link);
            var entry = title is null && text is null
                ? Entry(r, alertEvent.Id, purpose, subject, failure is null ? standard : $"{failure}\n\n{standard}", payload, now)
                : Entry(r, alertEvent.Id, purpose, title ?? subject, text ?? standard, WithText(payload, title, text), now);
            return WithWebhookBody(entry, r, alertEvent, purpose, group.Name, link);
        });
    }

    /// <summary>
    /// A webhook with a body template gets what it renders, in place of the JSON payload. Rendered now, not when sent, so
    /// a later edit of the template cannot change a queued message. A rendering that fails (it ran out of steps) never
    /// costs the alert: the standard JSON goes out as application/json with the failure in <c>template_error</c>.
    /// </summary>
    private static NotificationOutboxEntry WithWebhookBody(NotificationOutboxEntry entry, NotificationRecipient recipient, AlertEvent alertEvent,
        NotificationPurpose purpose, string groupName, string link)
    {
        if (recipient.Channel != NotificationChannelKind.Webhook || string.IsNullOrEmpty(recipient.BodyTemplate)) return entry;
        try
        {
            entry.PayloadJson = Webhook.WebhookBody.Render(recipient.BodyTemplate, recipient.ContentType, alertEvent, purpose, groupName, link, entry.Subject, entry.Body);
        }
        catch (Templates.TemplateRenderException e)
        {
            var root = JsonNode.Parse(entry.PayloadJson)!.AsObject();
            root["template_error"] = $"the webhook's body template failed ({e.Message}); this is the standard payload";
            entry.PayloadJson = root.ToJsonString(Relaxed);
            entry.ContentType = null;
        }
        return entry;
    }

    /// <summary>The payload with the group's rendered title and text on top, for webhooks and the service channels that show them.</summary>
    private static string WithText(string payload, string? title, string? text)
    {
        var root = JsonNode.Parse(payload)!.AsObject();
        if (title is not null) root["title"] = title;
        if (text is not null) root["text"] = text;
        return root.ToJsonString(Relaxed);
    }

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A group's "send test": one harmless message to every recipient.</summary>
    public IEnumerable<NotificationOutboxEntry> ComposeTest(NotificationGroup group, DateTime now)
    {
        var subject = $"[TEST] ProbeDashboard notification group '{group.Name}'";
        var body = $"This is a test message sent at {Time(now)} to check that this address receives ProbeDashboard alerts.\n" +
                   $"Dashboard: {dashboard.Url}\n";
        var payload = new JsonObject { ["type"] = "test", ["group"] = group.Name, ["sent_at"] = now, ["url"] = dashboard.Url }.ToJsonString();
        var testEvent = Templates.SampleEvents.Test(subject, body.TrimEnd(), now);
        return group.Recipients.Select(r => WithWebhookBody(
            Entry(r, null, NotificationPurpose.Test, subject, r.Channel == NotificationChannelKind.Sms ? subject : body, payload, now),
            r, testEvent, NotificationPurpose.Test, group.Name, dashboard.Url));
    }

    private static NotificationOutboxEntry Entry(NotificationRecipient recipient, long? eventId, NotificationPurpose purpose,
        string subject, string body, string payload, DateTime now) => new()
    {
        AlertEventId = eventId,
        Purpose = purpose,
        Channel = recipient.Channel,
        Address = recipient.Address,
        ProtectedSecret = recipient.ProtectedSecret,
        SettingsJson = recipient.SettingsJson,
        Subject = subject,
        Body = body,
        PayloadJson = payload,
        ContentType = recipient.ContentType,
        HeadersJson = recipient.HeadersJson,
        CreatedAt = now,
        NextAttemptAt = now,
    };

    private static string Tag(NotificationPurpose purpose) => purpose switch
    {
        NotificationPurpose.Fired => "FIRING",
        NotificationPurpose.Reminder => "STILL FIRING",
        NotificationPurpose.Resolved => "RESOLVED",
        NotificationPurpose.Acknowledged => "ACKNOWLEDGED",
        _ => "TEST",
    };

    private static string Body(AlertEvent e, NotificationPurpose purpose, string link)
    {
        var text = new StringBuilder()
            .AppendLine(e.Title)
            .AppendLine();
        if (purpose == NotificationPurpose.Acknowledged)
            text.AppendLine(Acknowledgement(e)).AppendLine();
        text
            .AppendLine($"What:    {e.Message}")
            .AppendLine($"Where:   {AlertNames.Of(e.TargetType)} {e.TargetName} (id {e.TargetId})")
            .AppendLine($"Level:   {AlertNames.Of(e.Level)}")
            .AppendLine($"Since:   {Time(e.TriggerTime ?? e.PendingSince)}");
        if (purpose == NotificationPurpose.Resolved && e.RecoverTime is { } recovered)
            text.AppendLine($"Resolved: {Time(recovered)}");
        return text
            .AppendLine($"Current value: {e.CurrentValueJson}")
            .AppendLine($"Rule:    {e.AlertRuleName} ({e.Condition})")
            .AppendLine()
            .AppendLine($"Details: {link}")
            .ToString();
    }

    private static string Payload(AlertEvent e, NotificationPurpose purpose, string link) => new JsonObject
    {
        ["type"] = purpose switch
        {
            NotificationPurpose.Fired => "alert_fired",
            NotificationPurpose.Reminder => "alert_reminder",
            NotificationPurpose.Acknowledged => "alert_acknowledged",
            _ => "alert_resolved",
        },
        ["event"] = new JsonObject
        {
            ["id"] = e.Id,
            ["alert_rule_id"] = e.AlertRuleId,
            ["alert_rule_name"] = e.AlertRuleName,
            ["target_type"] = AlertNames.Of(e.TargetType),
            ["target_id"] = e.TargetId,
            ["target_name"] = e.TargetName,
            ["level"] = AlertNames.Of(e.Level),
            ["status"] = AlertNames.Of(e.Status),
            ["title"] = e.Title,
            ["message"] = e.Message,
            ["trigger_time"] = e.TriggerTime,
            ["recover_time"] = e.RecoverTime,
            ["current_value"] = JsonNode.Parse(e.CurrentValueJson),
            ["url"] = link,
            ["acknowledged"] = e.Acknowledged,
            ["ack_user_name"] = e.AckUserName,
            ["ack_note"] = e.AckNote,
        },
    }.ToJsonString(Relaxed);

    /// <summary>"Acknowledged by alice: looking into it".</summary>
    public static string Acknowledgement(AlertEvent e) =>
        $"Acknowledged by {e.AckUserName ?? "an operator"}" + (string.IsNullOrEmpty(e.AckNote) ? "" : $": {e.AckNote}");

    private static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
