using System.Text.Json.Nodes;
using ProbeDashboard.Core.Notifications.Channels;

namespace ProbeDashboard.Core.Notifications.Paging;

/// <summary>
/// Opsgenie Alert API: create an alert (<c>POST {api_url}/v2/alerts</c>) when an event fires, acknowledge it by alias
/// (<c>POST {api_url}/v2/alerts/{alias}/acknowledge?identifierType=alias</c>) when an operator acknowledges the event
/// in ProbeDashboard, and close it by alias (<c>.../close?identifierType=alias</c>) when it recovers; the alias is the
/// event's dedup key, so reminders are folded into the open alert. The API key (<c>Authorization: GenieKey ...</c>) is
/// the secret. EU accounts use https://api.eu.opsgenie.com as api_url.
/// </summary>
public sealed class OpsgenieChannel : ChannelDefinition
{
    public override NotificationChannelKind Kind => NotificationChannelKind.Opsgenie;
    public override string Name => "opsgenie";
    public override string Service => "Opsgenie";
    public override string? PublicApiUrl => "https://api.opsgenie.com";

    public override IReadOnlyList<ChannelField> Fields { get; } =
    [
        new("api_key", Secret: true, Accepts: k => Guid.TryParse(k, out _), Expected: "an Opsgenie API key (a UUID)"),
        ChannelField.ApiUrl(),
    ];

    public override ChannelRequest Request(NotificationSummary summary, ChannelSettings settings)
    {
        var api = settings.ApiUrl(PublicApiUrl);
        var headers = new Dictionary<string, string> { ["Authorization"] = $"GenieKey {settings.Required("api_key")}" };
        if (summary.Purpose == NotificationPurpose.Resolved)
            return ChannelRequest.Post($"{api}/v2/alerts/{Uri.EscapeDataString(summary.DedupKey)}/close?identifierType=alias",
                new JsonObject { ["source"] = "ProbeDashboard", ["note"] = $"Resolved: {summary.Resolved ?? summary.Headline}" }, headers);
        if (summary.Purpose == NotificationPurpose.Acknowledged)
            return ChannelRequest.Post($"{api}/v2/alerts/{Uri.EscapeDataString(summary.DedupKey)}/acknowledge?identifierType=alias",
                new JsonObject { ["source"] = "ProbeDashboard", ["note"] = $"Acknowledged {summary.Acknowledgement}".Clip(25000) }, headers);
        return ChannelRequest.Post($"{api}/v2/alerts", new JsonObject
        {
            // Opsgenie's limits: message 130, alias 512, description 15000 characters.
            ["message"] = summary.Headline.Clip(130),
            ["alias"] = summary.DedupKey,
            ["description"] = (summary.Text ?? summary.PlainText).Clip(15000),
            ["priority"] = summary.Level switch { "critical" => "P1", "warning" => "P3", _ => "P5" },
            ["source"] = "ProbeDashboard",
            ["details"] = new JsonObject { ["url"] = summary.Link },
        }, headers);
    }
}
