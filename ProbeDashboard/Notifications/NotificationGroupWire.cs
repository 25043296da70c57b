using ProbeDashboard.Core.Notifications;

namespace ProbeDashboard.Notifications;

/// <summary>
/// Body of POST and PUT /api/v1/notification-groups. A webhook's secret is write-only: on update, leaving it
/// out keeps the stored one for the same URL, an empty string removes it.
/// </summary>
/// <c>is_default</c>: the group hears the alerts of every monitor without a notification_id of its own.
public sealed record NotificationGroupRequest(string? Name, List<string>? Emails, List<WebhookInput>? Webhooks, List<string>? Phones, bool? IsDefault = null)
{
    public NotificationGroupInput ToInput() => new(Name, Emails, Webhooks, Phones, IsDefault);
}

/// <summary>A webhook as the API shows it: whether it has a secret, never the secret.</summary>
public sealed record WebhookOutput(string Url, bool HasSecret);

public sealed record NotificationGroupResponse(
    int Id, string Name, IReadOnlyList<string> Emails, IReadOnlyList<WebhookOutput> Webhooks, IReadOnlyList<string> Phones,
    DateTime CreatedAt, DateTime UpdatedAt, bool IsDefault)
{
    public static NotificationGroupResponse Of(NotificationGroup g) => new(
        g.Id, g.Name,
        g.Recipients.Where(r => r.Channel == NotificationChannelKind.Email).Select(r => r.Address).ToList(),
        g.Recipients.Where(r => r.Channel == NotificationChannelKind.Webhook).Select(r => new WebhookOutput(r.Address, r.ProtectedSecret is not null)).ToList(),
        g.Recipients.Where(r => r.Channel == NotificationChannelKind.Sms).Select(r => r.Address).ToList(),
        g.CreatedAt, g.UpdatedAt, g.IsDefault);
}

public sealed record TestNotificationResponse(int Queued, IReadOnlyList<long> OutboxIds);
