using System.Text.Json.Serialization;
using ProbeDashboard.Core.Notifications;
using ProbeDashboard.Core.Notifications.Channels;

namespace ProbeDashboard.Notifications;

/// <summary>
/// Body of POST and PUT /api/v1/notification-groups. A webhook's secret is write-only: on update, leaving it
/// out keeps the stored one for the same URL, an empty string removes it.
/// <c>is_default</c>: the group hears the alerts of every monitor without a notification_id of its own.
/// <c>recipients</c>: Slack, Discord, Teams, Telegram, Matrix, ntfy, Gotify, Pushover, PagerDuty and Opsgenie
/// recipients, each <c>{"kind": "telegram", "name": "...", ...its settings}</c>; their secret settings are
/// write-only in the same way (left out: kept for the same kind and name).
/// <c>title_template</c>, <c>body_template</c>: Liquid templates of the group's alert messages (fields under <c>event</c>,
/// e.g. <c>{{ event.title }}</c>); left out or empty: the default text. A template that does not parse is a 400 naming
/// its line and column.
/// </summary>
public sealed record NotificationGroupRequest(string? Name, List<string>? Emails, List<WebhookInput>? Webhooks, List<string>? Phones, bool? IsDefault = null,
    List<ChannelRecipientInput?>? Recipients = null, string? TitleTemplate = null, string? BodyTemplate = null)
{
    public NotificationGroupInput ToInput() => new(Name, Emails, Webhooks, Phones, IsDefault, Recipients, TitleTemplate, BodyTemplate);
}

/// <summary>
/// Body of POST /api/v1/notification-groups/preview-template: templates rendered on a sample event. <c>channel</c>:
/// email (default), sms, webhook or a service kind, whose markup values are escaped for; <c>purpose</c>: fired
/// (default), reminder, resolved or acknowledged.
/// </summary>
public sealed record TemplatePreviewRequest(string? TitleTemplate, string? BodyTemplate, string? Channel = null, string? Purpose = null)
{
    public TemplatePreviewInput ToInput() => new(TitleTemplate, BodyTemplate, Channel, Purpose);
}

/// <summary>
/// A service channel recipient as the API shows it: its plain settings and whether its secrets are stored, never
/// their values. Every kind's secrets are all required except ntfy's optional token, so one flag says it all.
/// </summary>
public sealed record ChannelRecipientOutput(
    string Kind, string Name,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ApiUrl,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ChatId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RoomId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Topic,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Priority,
    bool HasSecret)
{
    /// <returns>Null for recipients that are not service channels.</returns>
    public static ChannelRecipientOutput? Of(NotificationRecipient recipient)
    {
        if (ChannelCatalog.For(recipient.Channel) is not { } definition) return null;
        var plain = ChannelRecipientInput.Of(definition, recipient.Address, ChannelSettings.Parse(recipient.SettingsJson));
        return new ChannelRecipientOutput(definition.Name, recipient.Address, plain.ApiUrl, plain.ChatId, plain.RoomId, plain.Topic, plain.Priority,
            recipient.ProtectedSecret is not null);
    }
}

/// <summary>A webhook as the API shows it: whether it has a secret, never the secret.</summary>
public sealed record WebhookOutput(string Url, bool HasSecret);

public sealed record NotificationGroupResponse(
    int Id, string Name, IReadOnlyList<string> Emails, IReadOnlyList<WebhookOutput> Webhooks, IReadOnlyList<string> Phones,
    DateTime CreatedAt, DateTime UpdatedAt, bool IsDefault, IReadOnlyList<ChannelRecipientOutput> Recipients, string? TitleTemplate, string? BodyTemplate)
{
    public static NotificationGroupResponse Of(NotificationGroup g) => new(
        g.Id, g.Name,
        g.Recipients.Where(r => r.Channel == NotificationChannelKind.Email).Select(r => r.Address).ToList(),
        g.Recipients.Where(r => r.Channel == NotificationChannelKind.Webhook).Select(r => new WebhookOutput(r.Address, r.ProtectedSecret is not null)).ToList(),
        g.Recipients.Where(r => r.Channel == NotificationChannelKind.Sms).Select(r => r.Address).ToList(),
        g.CreatedAt, g.UpdatedAt, g.IsDefault,
        [.. g.Recipients.Select(ChannelRecipientOutput.Of).OfType<ChannelRecipientOutput>()], g.TitleTemplate, g.BodyTemplate);
}

public sealed record TestNotificationResponse(int Queued, IReadOnlyList<long> OutboxIds);
