using System.Text.Json.Nodes;
using ProbeDashboard.Core.Notifications.Channels;

namespace ProbeDashboard.Core.Notifications.Push;

/// <summary>
/// Gotify <c>POST {server}/message</c> with the application token in <c>X-Gotify-Key</c> (the secret). Gotify is
/// self-hosted only, so the server (<c>api_url</c>) is required. <c>priority</c> (0-10) when set, else by severity.
/// </summary>
public sealed class GotifyChannel : ChannelDefinition
{
    public override NotificationChannelKind Kind => NotificationChannelKind.Gotify;
    public override string Name => "gotify";
    public override string Service => "Gotify";

    public override IReadOnlyList<ChannelField> Fields { get; } =
    [
        ChannelField.ApiUrl(required: true),
        new("app_token", Secret: true),
        new("priority", Required: false, Format: FieldFormat.Integer, Min: 0, Max: 10),
    ];

    public override string DefaultName(IReadOnlyDictionary<string, string> plainSettings) => ApiHostOr(plainSettings, Name);

    public override ChannelRequest Request(NotificationSummary summary, ChannelSettings settings) =>
        ChannelRequest.Post($"{settings.ApiUrl(null)}/message", new JsonObject
        {
            ["title"] = summary.Headline,
            ["message"] = summary.Text ?? string.Join('\n', [.. summary.Facts.Select(f => $"{f.Label}: {f.Value}"), summary.Link]),
            // Gotify's clients treat 8 and above as urgent (sound, heads-up), 4-7 as normal, below as quiet.
            ["priority"] = settings.Integer("priority") ?? summary.Severity switch { "critical" => 8, "warning" => 5, _ => 2 },
            ["extras"] = new JsonObject
            {
                ["client::notification"] = new JsonObject { ["click"] = new JsonObject { ["url"] = summary.Link } },
            },
        }, new Dictionary<string, string> { ["X-Gotify-Key"] = settings.Required("app_token") });
}
