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
}

public class NotificationRecipient
{
    public int Id { get; set; }
    public int NotificationGroupId { get; set; }
    public NotificationChannelKind Channel { get; set; }
    /// <summary>E-mail address, webhook URL or phone number.</summary>
    public string Address { get; set; } = "";
    /// <summary>A webhook's HMAC secret, encrypted with Data Protection (<see cref="SecretProtector"/>).</summary>
    public string? ProtectedSecret { get; set; }
}

public static class NotificationChannelNames
{
    public static string Of(NotificationChannelKind kind) => kind switch
    {
        NotificationChannelKind.Email => "email",
        NotificationChannelKind.Webhook => "webhook",
        NotificationChannelKind.IpLiveCallback => "iplive_callback",
        _ => "sms",
    };
}
