using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Notifications.Channels;

namespace ProbeDashboard.Core.Notifications.Templates;

/// <summary>
/// A group's title and body templates applied to one message for one kind of recipient. A template that fails while
/// rendering (it ran out of steps) never costs the alert: the default text goes out with the failure noted.
/// </summary>
public static class GroupTemplates
{
    /// <summary>Checks both templates; keys are the API's field names, messages name the line and column.</summary>
    public static Dictionary<string, string[]> Validate(string? titleTemplate, string? bodyTemplate)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (field, source) in new[] { ("title_template", titleTemplate), ("body_template", bodyTemplate) })
        {
            if (string.IsNullOrEmpty(source)) continue;
            if (source.Length > MessageTemplate.MaxLength) errors[field] = [$"{field} is longer than {MessageTemplate.MaxLength} characters"];
            else if (MessageTemplate.Check(source) is { } error) errors[field] = [$"{field} does not parse: {error}"];
        }
        return errors;
    }

    /// <returns>The rendered title (null: the default), the rendered body (null: the default) and a rendering failure.</returns>
    public static (string? Title, string? Body, string? Failure) Render(NotificationGroup group, AlertEvent alertEvent, NotificationPurpose purpose,
        NotificationChannelKind channel, string link)
    {
        if (string.IsNullOrEmpty(group.TitleTemplate) && string.IsNullOrEmpty(group.BodyTemplate)) return (null, null, null);
        try
        {
            // The title is plain text everywhere: channels escape the headline themselves.
            var title = string.IsNullOrEmpty(group.TitleTemplate) ? null
                : OneLine(MessageTemplate.Render(group.TitleTemplate, TemplateModel.Of(alertEvent, purpose, group.Name, link, t => t), Fluid.NullEncoder.Default));
            var body = string.IsNullOrEmpty(group.BodyTemplate) ? null
                : MessageTemplate.Render(group.BodyTemplate, TemplateModel.Of(alertEvent, purpose, group.Name, link, MarkupEscaping.For(channel)), Fluid.NullEncoder.Default).Trim();
            return (string.IsNullOrWhiteSpace(title) ? null : title, string.IsNullOrWhiteSpace(body) ? null : body, null);
        }
        catch (TemplateRenderException e)
        {
            return (null, null, $"the group's message template failed ({e.Message}); this is the default text");
        }
    }

    private static string OneLine(string text) => string.Join(' ', text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Clip(500);
}
