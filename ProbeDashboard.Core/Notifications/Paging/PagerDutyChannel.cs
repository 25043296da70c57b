using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using ProbeDashboard.Core.Notifications.Channels;

namespace ProbeDashboard.Core.Notifications.Paging;

/// <summary>
/// PagerDuty Events API v2 (<c>POST {api_url}/v2/enqueue</c>): <c>trigger</c> when an event fires (a reminder
/// re-triggers the same incident), <c>acknowledge</c> when an operator acknowledges it in ProbeDashboard,
/// <c>resolve</c> when it recovers, all with the event's dedup key so they meet in one incident. The integration's
/// routing key is the secret.
/// </summary>
public sealed partial class PagerDutyChannel : ChannelDefinition
{
    public override NotificationChannelKind Kind => NotificationChannelKind.PagerDuty;
    public override string Name => "pagerduty";
    public override string Service => "PagerDuty";
    public override string? PublicApiUrl => "https://events.pagerduty.com";

    public override IReadOnlyList<ChannelField> Fields { get; } =
    [
        new("routing_key", Secret: true, Accepts: k => RoutingKey().IsMatch(k), Expected: "the 32-character integration key of an Events API v2 integration"),
        ChannelField.ApiUrl(),
    ];

    public override ChannelRequest Request(NotificationSummary summary, ChannelSettings settings)
    {
        var body = new JsonObject
        {
            ["routing_key"] = settings.Required("routing_key"),
            ["event_action"] = summary.Purpose switch
            {
                NotificationPurpose.Resolved => "resolve",
                NotificationPurpose.Acknowledged => "acknowledge",
                _ => "trigger",
            },
            ["dedup_key"] = summary.DedupKey,
        };
        // Only a trigger carries a payload: acknowledge and resolve name the incident by its dedup key alone.
        if (summary.Purpose is not (NotificationPurpose.Resolved or NotificationPurpose.Acknowledged))
        {
            body["payload"] = new JsonObject
            {
                ["summary"] = summary.Headline.Clip(1024),
                ["source"] = summary.Target ?? "ProbeDashboard",
                // PagerDuty's severities are critical, error, warning and info; ours map onto three of them.
                ["severity"] = summary.Level is "critical" or "warning" ? summary.Level : "info",
                ["custom_details"] = new JsonObject([.. summary.Facts.Select(f => KeyValuePair.Create(f.Label, (JsonNode?)f.Value))]),
            };
            body["client"] = "ProbeDashboard";
            body["client_url"] = summary.Link;
            body["links"] = new JsonArray(new JsonObject { ["href"] = summary.Link, ["text"] = "Alert event in ProbeDashboard" });
        }
        return ChannelRequest.Post($"{settings.ApiUrl(PublicApiUrl)}/v2/enqueue", body);
    }

    [GeneratedRegex("^[A-Za-z0-9]{32}$")]
    private static partial Regex RoutingKey();
}
