using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Notifications.Channels;
using ProbeDashboard.Core.Notifications.Templates;

namespace ProbeDashboard.Core.Notifications;

/// <summary>What to preview: a group's templates (empty: the defaults), for which kind of recipient and which kind of message.</summary>
/// <param name="Channel">"email" (default), "sms", "webhook" or a service kind ("slack", "teams", ...): values are escaped for it.</param>
/// <param name="Purpose">"fired" (default), "reminder", "resolved" or "acknowledged".</param>
/// <param name="WebhookBodyTemplate">A webhook's own body template (channel webhook only); empty: the standard JSON payload.</param>
/// <param name="ContentType">The webhook's content type, which decides how values are escaped; empty: application/json.</param>
public sealed record TemplatePreviewInput(string? TitleTemplate, string? BodyTemplate, string? Channel = null, string? Purpose = null,
    string? WebhookBodyTemplate = null, string? ContentType = null);

/// <summary>
/// A message as a recipient of that kind would get it: its title and its text; for a webhook also the body it receives
/// (<paramref name="Payload"/>) with its content type, and <paramref name="PayloadProblem"/> when that body should be
/// JSON and is not (it would still be sent).
/// </summary>
public sealed record TemplatePreview(string Title, string Body, string? Payload = null, string? ContentType = null, string? PayloadProblem = null);

public sealed partial class NotificationGroupService
{
    private static readonly Dictionary<string, NotificationPurpose> PreviewPurposes = new()
    {
        ["fired"] = NotificationPurpose.Fired, ["reminder"] = NotificationPurpose.Reminder,
        ["resolved"] = NotificationPurpose.Resolved, ["acknowledged"] = NotificationPurpose.Acknowledged,
    };

    /// <summary>
    /// Renders templates on a sample event through the same composer real alerts take, so what the preview shows is what
    /// goes out. Reads nothing stored, writes nothing: alert_rules:read suffices.
    /// </summary>
    /// <returns>The preview, or the errors (keys are the API's field names, template errors name line and column).</returns>
    public (TemplatePreview? Preview, Dictionary<string, string[]> Errors) Preview(Actor actor, TemplatePreviewInput input)
    {
        actor.Demand(Permissions.AlertRulesRead);
        var errors = GroupTemplates.Validate(input.TitleTemplate, input.BodyTemplate);
        var kind = (input.Channel ?? "email") switch
        {
            "email" => NotificationChannelKind.Email,
            "sms" => NotificationChannelKind.Sms,
            "webhook" => NotificationChannelKind.Webhook,
            var name => ChannelCatalog.Named(name)?.Kind,
        };
        if (kind is null) errors["channel"] = [$"channel must be email, sms, webhook or one of {string.Join(", ", ChannelCatalog.All.Select(d => d.Name))}"];
        if (!PreviewPurposes.TryGetValue(input.Purpose ?? "fired", out var purpose)) errors["purpose"] = ["purpose must be fired, reminder, resolved or acknowledged"];
        var webhook = new Dictionary<string, string[]>();
        Webhook.WebhookBody.Validate(input.WebhookBodyTemplate, input.ContentType, "webhook", webhook);
        foreach (var (field, messages) in webhook) errors[field == "webhook.body_template" ? "webhook_body_template" : "content_type"] = messages;
        if (kind != NotificationChannelKind.Webhook && !string.IsNullOrEmpty(input.WebhookBodyTemplate))
            errors["webhook_body_template"] = ["webhook_body_template needs channel webhook"];
        if (errors.Count > 0) return (null, errors);

        var group = new NotificationGroup
        {
            Name = "preview", TitleTemplate = input.TitleTemplate, BodyTemplate = input.BodyTemplate,
            Recipients = [new NotificationRecipient
            {
                Channel = kind!.Value, Address = "preview",
                BodyTemplate = string.IsNullOrEmpty(input.WebhookBodyTemplate) ? null : input.WebhookBodyTemplate,
                ContentType = string.IsNullOrWhiteSpace(input.ContentType) ? null : input.ContentType.Trim(),
            }],
        };
        var message = composer.Compose(SampleEvents.Alert(purpose, time.GetUtcNow().UtcDateTime), purpose, group, time.GetUtcNow().UtcDateTime).Single();
        if (kind != NotificationChannelKind.Webhook) return (new TemplatePreview(message.Subject, message.Body), errors);
        var contentType = message.ContentType ?? Webhook.WebhookBody.DefaultContentType;
        return (new TemplatePreview(message.Subject, message.Body, message.PayloadJson, contentType, Webhook.WebhookBody.JsonProblem(message.PayloadJson, contentType)), errors);
    }
}
