using System.Text.Json.Nodes;
using ProbeDashboard.Core.Notifications.Channels;

namespace ProbeDashboard.Core.Notifications.Chat;

/// <summary>
/// Slack incoming webhook, and Mattermost and Rocket.Chat, which accept the same payload on their incoming webhooks.
/// A message attachment carries the colour by severity; legacy attachment fields rather than blocks, because
/// Mattermost and Rocket.Chat render those and ignore blocks. The webhook URL embeds the secret, so it is one.
/// </summary>
public sealed class SlackChannel : ChannelDefinition
{
    public override NotificationChannelKind Kind => NotificationChannelKind.Slack;
    public override string Name => "slack";
    public override string Service => "Slack";

    public override IReadOnlyList<ChannelField> Fields { get; } = [new("webhook_url", Secret: true, Format: FieldFormat.HttpUrl)];

    public override ChannelRequest Request(NotificationSummary summary, ChannelSettings settings)
    {
        var headline = MarkupEscaping.Slack(summary.Headline);
        return ChannelRequest.Post(settings.Required("webhook_url"), new JsonObject
        {
            ["text"] = $"{headline} <{summary.Link}|open>",
            ["attachments"] = new JsonArray(new JsonObject
            {
                ["color"] = SeverityColours.Hex(summary.Severity),
                ["fallback"] = headline,
                ["title"] = MarkupEscaping.Slack(summary.Title),
                ["title_link"] = summary.Link,
                ["text"] = summary.Text,
                ["fields"] = summary.Text is not null ? new JsonArray() : new JsonArray([.. summary.Facts.Select(f => (JsonNode)new JsonObject
                {
                    ["title"] = f.Label, ["value"] = MarkupEscaping.Slack(f.Value), ["short"] = f.Value.Length <= 40,
                })]),
                ["footer"] = "ProbeDashboard",
            }),
        });
    }
}
