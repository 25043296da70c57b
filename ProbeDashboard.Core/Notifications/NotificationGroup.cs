namespace ProbeDashboard.Core.Notifications;

/// <summary>Who hears about an alert: a named set of e-mail addresses, webhooks and phone numbers.</summary>
public class NotificationGroup
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public List<NotificationRecipient> Recipients { get; set; } = [];
    /// <summary>
    /// A default group hears the alerts of every monitor that names no group of its own, decided when the alert
    /// fires, so marking a group default also covers monitors created before.
    /// </summary>
    public bool IsDefault { get; set; }
    /// <summary>Liquid template of the title (subject, headline) of the group's alert messages; null or empty: the default.</summary>
    public string? TitleTemplate { get; set; }
    /// <summary>Liquid template of the body of the group's alert messages; null or empty: the default.</summary>
    public string? BodyTemplate { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public enum NotificationChannelKind
{
    Email = 1,
    Webhook = 2,
    Sms = 3,
    /// <summary>An iplive app's round callback (seed 002), not a group recipient.</summary>
    IpLiveCallback = 4,
    // Services with their own API; their settings live in the recipient's SettingsJson (see Channels/ChannelCatalog).
    Slack = 5,
    Discord = 6,
    Teams = 7,
    Telegram = 8,
    Ntfy = 9,
    Gotify = 10,
    Pushover = 11,
    PagerDuty = 12,
    Opsgenie = 13,
    Matrix = 14,
}

public class NotificationRecipient
{
    public int Id { get; set; }
    public int NotificationGroupId { get; set; }
    public NotificationChannelKind Channel { get; set; }
    /// <summary>E-mail address, webhook URL or phone number; for a service channel its name (never a secret).</summary>
    public string Address { get; set; } = "";
    /// <summary>
    /// A webhook's HMAC secret, or a service channel's secret settings as a JSON object, encrypted with Data
    /// Protection (<see cref="SecretProtector"/>).
    /// </summary>
    public string? ProtectedSecret { get; set; }
    /// <summary>A service channel's settings that are not secret (api_url, chat_id, ...) as a JSON object of strings.</summary>
    public string? SettingsJson { get; set; }
    /// <summary>A webhook's Liquid body template; null: the standard JSON payload.</summary>
    public string? BodyTemplate { get; set; }
    /// <summary>A webhook's Content-Type; null: application/json.</summary>
    public string? ContentType { get; set; }
    /// <summary>A webhook's extra headers (<see cref="Webhook.WebhookHeaders"/>), secret values encrypted one by one; null: none.</summary>
    public string? HeadersJson { get; set; }
}

public static class NotificationChannelNames
{
    public static string Of(NotificationChannelKind kind) => kind switch
    {
        NotificationChannelKind.Email => "email",
        NotificationChannelKind.Webhook => "webhook",
        NotificationChannelKind.IpLiveCallback => "iplive_callback",
        NotificationChannelKind.Sms => "sms",
        _ => Channels.ChannelCatalog.For(kind)?.Name ?? kind.ToString().ToLowerInvariant(),
    };
}
