namespace ProbeDashboard.Core.Notifications;

public enum OutboxStatus
{
    Pending = 1,
    Delivered = 2,
    Failed = 3,
}

public enum NotificationPurpose
{
    Fired = 1,
    Reminder = 2,
    Resolved = 3,
    Test = 4,
    /// <summary>The results of one probe round of an iplive group, for its app.</summary>
    IpLiveRound = 5,
    /// <summary>An operator acknowledged the event: told to the groups already notified (paging services acknowledge their incident).</summary>
    Acknowledged = 6,
    /// <summary>A status page's mail to its e-mail subscribers (confirmation, incident, outage or recovery).</summary>
    StatusPageSubscription = 7,
}

/// <summary>
/// One message to one recipient, written in the same transaction as the alert change that causes it, so a
/// crash can neither lose it nor send it for a change that never committed. The dispatcher delivers it.
/// </summary>
public class NotificationOutboxEntry
{
    public long Id { get; set; }
    /// <summary>The event it is about; null for a group's "send test".</summary>
    public long? AlertEventId { get; set; }
    public NotificationPurpose Purpose { get; set; }
    public NotificationChannelKind Channel { get; set; }
    public string Address { get; set; } = "";
    /// <summary>Copied from the recipient so a later edit of the group cannot change a queued message.</summary>
    public string? ProtectedSecret { get; set; }
    /// <summary>A service channel's settings, copied from the recipient like the secret.</summary>
    public string? SettingsJson { get; set; }
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    /// <summary>The body a webhook receives: the standard JSON, or what the webhook's body template rendered.</summary>
    public string PayloadJson { get; set; } = "{}";
    /// <summary>A webhook's Content-Type, copied from the recipient; null: application/json.</summary>
    public string? ContentType { get; set; }
    /// <summary>A webhook's extra headers, copied from the recipient (secret values still encrypted).</summary>
    public string? HeadersJson { get; set; }

    public OutboxStatus Status { get; set; } = OutboxStatus.Pending;
    public int Attempts { get; set; }
    /// <summary>When the message is next due; while a dispatcher holds it, the end of that dispatcher's lease.</summary>
    public DateTime NextAttemptAt { get; set; }
    /// <summary>The dispatcher sending the message right now (see <see cref="OutboxClaims"/>); null between attempts.</summary>
    public string? ClaimedBy { get; set; }
    public string? LastError { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }
}
