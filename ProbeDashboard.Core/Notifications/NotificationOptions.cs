using System.ComponentModel.DataAnnotations;

namespace ProbeDashboard.Core.Notifications;

/// <summary>How the notification dispatcher retries. Section "Notifications".</summary>
public class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>Delay before the first retry, in milliseconds; doubles with each failed attempt.</summary>
    [Range(1, 3_600_000)]
    public int RetryBaseDelayMs { get; set; } = 30_000;

    /// <summary>Longest delay between two attempts, in milliseconds (1 h).</summary>
    [Range(1, 86_400_000)]
    public int RetryMaxDelayMs { get; set; } = 3_600_000;

    /// <summary>Attempts before a message is given up as failed.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 12;

    /// <summary>How often the dispatcher looks for due messages when nothing wakes it, in milliseconds.</summary>
    [Range(10, 600_000)]
    public int PollIntervalMs { get; set; } = 5_000;

    /// <summary>Per-attempt time limit for one delivery, in milliseconds.</summary>
    [Range(100, 600_000)]
    public int SendTimeoutMs { get; set; } = 30_000;

    /// <summary>
    /// The dashboard's address as users reach it ("Dashboard:PublicUrl"), for links in messages; when empty, the
    /// server's first bound address is used (see <see cref="DashboardAddress"/>).
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary>SMS through an HTTP gateway: where and what to POST. Placeholders {phone} and {message}.</summary>
    public SmsGatewayOptions Sms { get; set; } = new();
}

public class SmsGatewayOptions
{
    /// <summary>Gateway URL; {phone} and {message} are URL-encoded into it. Empty: SMS recipients cannot be served.</summary>
    public string? UrlTemplate { get; set; }

    /// <summary>Optional JSON body; {phone} and {message} are JSON-escaped into it. Empty: a POST without body.</summary>
    public string? BodyTemplate { get; set; }
}
