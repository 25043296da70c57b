using System.Globalization;
using System.Text.Json;

namespace ProbeDashboard.Core.Notifications.Channels;

/// <summary>
/// What every service channel says about a message, read from the outbox entry's event JSON: the headline, how bad,
/// where, since when, the current value and the link to the event. Channels only decide how to render it.
/// </summary>
public sealed record NotificationSummary(
    NotificationPurpose Purpose, string Headline, string Title, string Level, string? Target, string? Message,
    string? Since, string? Resolved, string? CurrentValue, string Link, string DedupKey, string TransactionId, string? Acknowledgement = null,
    string? Text = null)
{
    /// <summary>"critical", "warning" or "info" while firing; "resolved", "acknowledged" and "test" otherwise. Channels colour by it.</summary>
    public string Severity => Purpose switch
    {
        NotificationPurpose.Resolved => "resolved",
        NotificationPurpose.Acknowledged => "acknowledged",
        NotificationPurpose.Test => "test",
        _ => Level,
    };

    /// <summary>Label and value of each known fact, in the order people read them.</summary>
    public IReadOnlyList<(string Label, string Value)> Facts =>
    [
        .. new (string Label, string? Value)[]
        {
            ("Acknowledged", Acknowledgement), ("Level", Purpose == NotificationPurpose.Test ? null : Level), ("Target", Target), ("What", Message),
            ("Since", Since), ("Resolved", Resolved), ("Current value", CurrentValue),
        }.Where(f => !string.IsNullOrEmpty(f.Value)).Select(f => (f.Label, f.Value!)),
    ];

    /// <summary>Headline, facts and link as plain lines, for services without formatting.</summary>
    public string PlainText => string.Join('\n', [Headline, .. Facts.Select(f => $"{f.Label}: {f.Value}"), Link]);

    public static NotificationSummary Of(NotificationOutboxEntry message)
    {
        var root = JsonDocument.Parse(message.PayloadJson).RootElement;
        // A group's body template, rendered for this kind of recipient (values escaped for its markup) when it was queued.
        var text = Read(root, "text");
        // Reminders and the resolve of one event share its key, so paging services fold them into one incident.
        var dedupKey = message.AlertEventId is { } eventId ? $"probedashboard-event-{eventId}" : $"probedashboard-test-{message.Id}";
        // One id per outbox message, the same on every retry, so a service that de-duplicates by it posts it once.
        var transactionId = $"probedashboard-{message.Id}";
        if (!root.TryGetProperty("event", out var e))
            return new NotificationSummary(message.Purpose, message.Subject, message.Subject, "info", null, null, Read(root, "sent_at"), null, null,
                Read(root, "url") ?? "", dedupKey, transactionId, Text: text);
        var target = Read(e, "target_name") is { } name ? $"{Read(e, "target_type")} {name}" : null;
        return new NotificationSummary(message.Purpose, message.Subject, Read(e, "title") ?? message.Subject, Read(e, "level") ?? "info", target,
            Read(e, "message"), Read(e, "trigger_time"), message.Purpose == NotificationPurpose.Resolved ? Read(e, "recover_time") : null,
            e.TryGetProperty("current_value", out var value) && value.ValueKind != JsonValueKind.Null ? value.GetRawText() : null,
            Read(e, "url") ?? "", dedupKey, transactionId,
            message.Purpose == NotificationPurpose.Acknowledged
                ? $"by {Read(e, "ack_user_name") ?? "an operator"}" + (Read(e, "ack_note") is { Length: > 0 } note ? $": {note}" : "") : null,
            text);
    }

    private static string? Read(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String when (name.EndsWith("_time") || name == "sent_at") && value.TryGetDateTime(out var time) =>
                time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture),
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => value.GetRawText(),
        } : null;
}
