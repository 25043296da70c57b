using System.Text.Json.Nodes;
using ProbeDashboard.Core.Notifications.Channels;

namespace ProbeDashboard.Core.Notifications.Chat;

/// <summary>Discord webhook: one embed coloured by severity. The webhook URL embeds its token, so it is a secret.</summary>
public sealed class DiscordChannel : ChannelDefinition
{
    public override NotificationChannelKind Kind => NotificationChannelKind.Discord;
    public override string Name => "discord";
    public override string Service => "Discord";

    public override IReadOnlyList<ChannelField> Fields { get; } = [new("webhook_url", Secret: true, Format: FieldFormat.HttpUrl)];

    public override ChannelRequest Request(NotificationSummary summary, ChannelSettings settings) =>
        ChannelRequest.Post(settings.Required("webhook_url"), new JsonObject
        {
            ["username"] = "ProbeDashboard",
            // Names typed by users must not ping @everyone or a role.
            ["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray() },
            ["embeds"] = new JsonArray(new JsonObject
            {
                // Discord's documented limits: title 256, field name 256, field value 1024.
                ["title"] = MarkupEscaping.Discord(summary.Headline).Clip(256),
                ["url"] = summary.Link,
                ["color"] = SeverityColours.Rgb(summary.Severity),
                // A message template's text (escaped when it was rendered) replaces the fields; description limit 4096.
                ["description"] = summary.Text?.Clip(4096),
                ["fields"] = summary.Text is not null ? new JsonArray() : new JsonArray([.. summary.Facts.Select(f => (JsonNode)new JsonObject
                {
                    ["name"] = f.Label, ["value"] = MarkupEscaping.Discord(f.Value).Clip(1024), ["inline"] = f.Value.Length <= 40,
                })]),
            }),
        });
}
