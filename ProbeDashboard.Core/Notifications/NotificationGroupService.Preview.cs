using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Notifications.Channels;
using ProbeDashboard.Core.Notifications.Templates;

namespace ProbeDashboard.Core.Notifications;

/// <summary>What to preview: a group's templates (empty: the defaults), for which kind of recipient and which kind of message.</summary>
/// <param name="Channel">"email" (default), "sms", "webhook" or a service kind ("slack", "teams", ...): values are escaped for it.</param>
/// <param name="Purpose">"fired" (default), "reminder", "resolved" or "acknowledged".</param>
public sealed record TemplatePreviewInput(string? TitleTemplate, string? BodyTemplate, string? Channel = null, string? Purpose = null);

/// <summary>A message as a recipient of that kind would get it: its title and its text.</summary>
public sealed record TemplatePreview(string Title, string Body);

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
        if (errors.Count > 0) return (null, errors);

        var group = new NotificationGroup
        {
            Name = "preview", TitleTemplate = input.TitleTemplate, BodyTemplate = input.BodyTemplate,
            Recipients = [new NotificationRecipient { Channel = kind!.Value, Address = "preview" }],
        };
        var message = composer.Compose(SampleEvent(purpose, time.GetUtcNow().UtcDateTime), purpose, group, time.GetUtcNow().UtcDateTime).Single();
        return (new TemplatePreview(message.Subject, message.Body), errors);
    }

    /// <summary>A monitor down for ten minutes, with a name that needs escaping in every markup.</summary>
    private static AlertEvent SampleEvent(NotificationPurpose purpose, DateTime now) => new()
    {
        Id = 12345, SourceKey = "monitor-down:7", AlertRuleName = "api <prod> is down", Condition = "consecutive_failures >= 3",
        TargetType = AlertTargetType.Service, TargetId = 7, TargetName = "api <prod>", Level = AlertLevel.Critical,
        Status = purpose == NotificationPurpose.Resolved ? AlertEventStatus.Resolved : AlertEventStatus.Firing,
        Title = "api <prod> is down", Message = "service api <prod>: consecutive_failures >= 3 holds (consecutive_failures=3)",
        CurrentValueJson = """{"consecutive_failures":3}""", PendingSince = now.AddMinutes(-10), TriggerTime = now.AddMinutes(-10),
        RecoverTime = purpose == NotificationPurpose.Resolved ? now : null,
        Acknowledged = purpose == NotificationPurpose.Acknowledged, AckUserName = purpose == NotificationPurpose.Acknowledged ? "alice" : null,
        AckNote = purpose == NotificationPurpose.Acknowledged ? "looking into it" : null,
    };
}
