using System.Globalization;
using ProbeDashboard.Core.Alerts;

namespace ProbeDashboard.Core.Notifications.Templates;

/// <summary>
/// What a message template sees: the event's fields under <c>event</c> (as in the webhook payload) and the group under
/// <c>group</c>. Text values are escaped for the recipient's markup before the template runs, so a template's own
/// markup (Slack *bold*, Telegram &lt;b&gt;) works while a monitor named "&lt;b&gt;" shows as written.
/// </summary>
public static class TemplateModel
{
    public static IReadOnlyDictionary<string, object?> Of(AlertEvent e, NotificationPurpose purpose, string groupName, string link, Func<string, string> escape)
    {
        string? Text(string? value) => value is null ? null : escape(value);
        var outage = e.TriggerTime is { } since ? (long)((e.RecoverTime ?? since) - since).TotalSeconds : 0;
        return new Dictionary<string, object?>
        {
            ["event"] = new Dictionary<string, object?>
            {
                ["id"] = e.Id,
                ["title"] = Text(e.Title),
                ["level"] = AlertNames.Of(e.Level),
                ["status"] = AlertNames.Of(e.Status),
                ["message"] = Text(e.Message),
                ["rule_name"] = Text(e.AlertRuleName),
                ["condition"] = Text(e.Condition),
                ["target_type"] = AlertNames.Of(e.TargetType),
                ["target_id"] = e.TargetId,
                ["target_name"] = Text(e.TargetName),
                ["trigger_time"] = Time(e.TriggerTime ?? e.PendingSince),
                ["recover_time"] = Time(e.RecoverTime),
                ["duration_seconds"] = e.RecoverTime is null ? null : outage,
                ["duration"] = e.RecoverTime is null ? null : Duration(outage),
                ["current_value"] = Text(e.CurrentValueJson),
                ["url"] = link,
                ["acknowledged"] = e.Acknowledged,
                ["ack_user_name"] = Text(e.AckUserName),
                ["ack_note"] = Text(e.AckNote),
                ["purpose"] = Purpose(purpose),
            },
            ["group"] = new Dictionary<string, object?> { ["name"] = Text(groupName) },
        };
    }

    /// <summary>"fired", "reminder", "resolved", "acknowledged", "test".</summary>
    public static string Purpose(NotificationPurpose purpose) => purpose.ToString().ToLowerInvariant();

    private static string? Time(DateTime? utc) => utc?.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>"1 h 5 min", "42 s": how long an outage lasted, as people say it.</summary>
    public static string Duration(long seconds) => seconds switch
    {
        < 60 => $"{seconds} s",
        < 3600 => $"{seconds / 60} min {seconds % 60} s",
        _ => $"{seconds / 3600} h {seconds % 3600 / 60} min",
    };
}
