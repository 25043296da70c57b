using System.Text.Json.Nodes;
using ProbeDashboard.Core.Notifications.Channels;

namespace ProbeDashboard.Core.Notifications.Chat;

/// <summary>
/// Microsoft Teams through a Workflows ("Post to a channel when a webhook request is received") or incoming webhook
/// URL: a message with one Adaptive Card (1.4, the version Teams renders). The URL carries its signature, so it is a
/// secret.
/// </summary>
public sealed class TeamsChannel : ChannelDefinition
{
    public override NotificationChannelKind Kind => NotificationChannelKind.Teams;
    public override string Name => "teams";
    public override string Service => "Microsoft Teams";

    public override IReadOnlyList<ChannelField> Fields { get; } = [new("webhook_url", Secret: true, Format: FieldFormat.HttpUrl)];

    public override ChannelRequest Request(NotificationSummary summary, ChannelSettings settings) =>
        ChannelRequest.Post(settings.Required("webhook_url"), new JsonObject
        {
            ["type"] = "message",
            ["attachments"] = new JsonArray(new JsonObject
            {
                ["contentType"] = "application/vnd.microsoft.card.adaptive",
                ["contentUrl"] = null,
                ["content"] = new JsonObject
                {
                    ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
                    ["type"] = "AdaptiveCard",
                    ["version"] = "1.4",
                    ["body"] = new JsonArray(
                        new JsonObject
                        {
                            ["type"] = "TextBlock", ["text"] = MarkupEscaping.Teams(summary.Headline), ["weight"] = "Bolder", ["size"] = "Medium",
                            ["wrap"] = true, ["color"] = CardColour(summary.Severity),
                        },
                        summary.Text is { } text
                            ? new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true }
                            : new JsonObject
                            {
                                ["type"] = "FactSet",
                                ["facts"] = new JsonArray([.. summary.Facts.Select(f => (JsonNode)new JsonObject { ["title"] = f.Label, ["value"] = MarkupEscaping.Teams(f.Value) })]),
                            }),
                    ["actions"] = new JsonArray(new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Open in ProbeDashboard", ["url"] = summary.Link }),
                },
            }),
        });

    /// <summary>Adaptive Cards name colours by meaning, not by value.</summary>
    private static string CardColour(string severity) => severity switch
    {
        "critical" => "Attention",
        "warning" => "Warning",
        "resolved" => "Good",
        "info" => "Accent",
        _ => "Default",
    };
}
