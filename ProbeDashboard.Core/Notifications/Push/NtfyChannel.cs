using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using ProbeDashboard.Core.Notifications.Channels;

namespace ProbeDashboard.Core.Notifications.Push;

/// <summary>
/// ntfy publish as JSON (<c>POST {server}/</c> with the topic in the body), priority and tags by severity, the event
/// link as the click action. The access token, optional for public topics, is the secret.
/// </summary>
public sealed partial class NtfyChannel : ChannelDefinition
{
    public override NotificationChannelKind Kind => NotificationChannelKind.Ntfy;
    public override string Name => "ntfy";
    public override string Service => "ntfy";
    public override string? PublicApiUrl => "https://ntfy.sh";

    public override IReadOnlyList<ChannelField> Fields { get; } =
    [
        new("topic", Accepts: t => Topic().IsMatch(t), Expected: "1 to 64 letters, digits, - or _"),
        new("access_token", Secret: true, Required: false),
        ChannelField.ApiUrl(),
    ];

    public override string DefaultName(IReadOnlyDictionary<string, string> plainSettings) =>
        plainSettings.TryGetValue("topic", out var topic) ? ApiHostOr(plainSettings, $"ntfy {topic}") : Name;

    public override ChannelRequest Request(NotificationSummary summary, ChannelSettings settings)
    {
        var (priority, tag) = summary.Severity switch
        {
            "critical" => (5, "rotating_light"),
            "warning" => (4, "warning"),
            "resolved" => (3, "white_check_mark"),
            "test" => (3, "test_tube"),
            _ => (3, "information_source"),
        };
        var headers = settings["access_token"] is { } token ? new Dictionary<string, string> { ["Authorization"] = $"Bearer {token}" } : null;
        return ChannelRequest.Post(settings.ApiUrl(PublicApiUrl) + "/", new JsonObject
        {
            ["topic"] = settings.Required("topic"),
            ["title"] = summary.Headline,
            ["message"] = summary.Text ?? string.Join('\n', summary.Facts.Select(f => $"{f.Label}: {f.Value}")),
            ["priority"] = priority,
            ["tags"] = new JsonArray(tag),
            ["click"] = summary.Link,
        }, headers);
    }

    [GeneratedRegex("^[-_A-Za-z0-9]{1,64}$")]
    private static partial Regex Topic();
}
