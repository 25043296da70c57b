using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using ProbeDashboard.Core.Notifications.Channels;

namespace ProbeDashboard.Core.Notifications.Push;

/// <summary>
/// Pushover <c>POST {api_url}/1/messages.json</c>. Priority by severity unless <c>priority</c> is set; emergency
/// priority (2, critical) repeats every <see cref="EmergencyRetrySeconds"/> until acknowledged in the app or
/// <see cref="EmergencyExpireSeconds"/> pass, as Pushover requires retry and expire with it. User key and
/// application token are both secrets.
/// </summary>
public sealed partial class PushoverChannel : ChannelDefinition
{
    public const int EmergencyRetrySeconds = 60;
    public const int EmergencyExpireSeconds = 3600;

    public override NotificationChannelKind Kind => NotificationChannelKind.Pushover;
    public override string Name => "pushover";
    public override string Service => "Pushover";
    public override string? PublicApiUrl => "https://api.pushover.net";

    public override IReadOnlyList<ChannelField> Fields { get; } =
    [
        new("user_key", Secret: true, Accepts: k => Key().IsMatch(k), Expected: "a 30-character Pushover user or group key"),
        new("app_token", Secret: true, Accepts: k => Key().IsMatch(k), Expected: "a 30-character Pushover application token"),
        new("priority", Required: false, Format: FieldFormat.Integer, Min: -2, Max: 2),
        ChannelField.ApiUrl(),
    ];

    public override ChannelRequest Request(NotificationSummary summary, ChannelSettings settings)
    {
        var priority = settings.Integer("priority") ?? summary.Severity switch { "critical" => 2, "warning" => 1, _ => 0 };
        var body = new JsonObject
        {
            ["token"] = settings.Required("app_token"),
            ["user"] = settings.Required("user_key"),
            // Pushover's limits: title 250, message 1024, url 512 characters.
            ["title"] = summary.Headline.Clip(250),
            ["message"] = (summary.Text ?? string.Join('\n', summary.Facts.Select(f => $"{f.Label}: {f.Value}"))).Clip(1024),
            ["url"] = summary.Link.Clip(512),
            ["url_title"] = "Open in ProbeDashboard",
            ["priority"] = priority,
        };
        if (priority == 2)
        {
            body["retry"] = EmergencyRetrySeconds;
            body["expire"] = EmergencyExpireSeconds;
        }
        return ChannelRequest.Post($"{settings.ApiUrl(PublicApiUrl)}/1/messages.json", body);
    }

    [GeneratedRegex("^[A-Za-z0-9]{30}$")]
    private static partial Regex Key();
}
