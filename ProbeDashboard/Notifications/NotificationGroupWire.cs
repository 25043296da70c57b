using System.Text.Json.Serialization;
using ProbeDashboard.Core.Notifications;
using ProbeDashboard.Core.Notifications.Channels;
using ProbeDashboard.Core.Notifications.Webhook;

namespace ProbeDashboard.Notifications;

/// <summary>
/// Body of POST and PUT /api/v1/notification-groups. A webhook's secret is write-only: on update, leaving it
/// out keeps the stored one for the same URL, an empty string removes it. Each webhook may have a
/// <c>body_template</c> (Liquid, fields under <c>event</c>; values escaped for the content type), a <c>content_type</c>
/// (default application/json) and <c>headers</c> (<c>[{"name", "value", "secret"}]</c>; a secret header's value is
/// write-only: left out, the one stored for the same URL and name is kept).
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
/// (default), reminder, resolved or acknowledged. With channel webhook the answer also has <c>payload</c>, the body the
/// webhook receives (rendered from <c>webhook_body_template</c> when given, escaped for <c>content_type</c>), and
/// <c>payload_problem</c> when a JSON content type gets a body that is not JSON.
/// </summary>
public sealed record TemplatePreviewRequest(string? TitleTemplate, string? BodyTemplate, string? Channel = null, string? Purpose = null,
    string? WebhookBodyTemplate = null, string? ContentType = null)
{
    public TemplatePreviewInput ToInput() => new(TitleTemplate, BodyTemplate, Channel, Purpose, WebhookBodyTemplate, ContentType);
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

/// <summary>
/// A webhook as the API shows it: whether it has a secret, never the secret; its body template and content type (null:
/// the standard JSON payload as application/json); its extra headers, a secret one's value never shown.
/// </summary>
public sealed record WebhookOutput(string Url, bool HasSecret, string? BodyTemplate = null, string? ContentType = null, IReadOnlyList<WebhookHeaderOutput>? Headers = null)
{
    public static WebhookOutput Of(NotificationRecipient r) => new(r.Address, r.ProtectedSecret is not null, r.BodyTemplate, r.ContentType,
        [.. WebhookHeaders.Parse(r.HeadersJson).Select(h => new WebhookHeaderOutput(h.Name, h.Secret ? null : h.Value, h.Secret))]);
}

/// <summary>An extra header of a webhook; <c>value</c> is left out when the header is secret.</summary>
public sealed record WebhookHeaderOutput(string Name, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Value, bool Secret);

public sealed record NotificationGroupResponse(
    int Id, string Name, IReadOnlyList<string> Emails, IReadOnlyList<WebhookOutput> Webhooks, IReadOnlyList<string> Phones,
    DateTime CreatedAt, DateTime UpdatedAt, bool IsDefault, IReadOnlyList<ChannelRecipientOutput> Recipients, string? TitleTemplate, string? BodyTemplate)
{
    public static NotificationGroupResponse Of(NotificationGroup g) => new(
        g.Id, g.Name,
        g.Recipients.Where(r => r.Channel == NotificationChannelKind.Email).Select(r => r.Address).ToList(),
        g.Recipients.Where(r => r.Channel == NotificationChannelKind.Webhook).Select(WebhookOutput.Of).ToList(),
        g.Recipients.Where(r => r.Channel == NotificationChannelKind.Sms).Select(r => r.Address).ToList(),
        g.CreatedAt, g.UpdatedAt, g.IsDefault,
        [.. g.Recipients.Select(ChannelRecipientOutput.Of).OfType<ChannelRecipientOutput>()], g.TitleTemplate, g.BodyTemplate);
}

public sealed record TestNotificationResponse(int Queued, IReadOnlyList<long> OutboxIds);
