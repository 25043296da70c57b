using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using ProbeDashboard.Core.Notifications.Channels;

namespace ProbeDashboard.Core.Notifications.Chat;

/// <summary>
/// Matrix client-server API: <c>PUT /_matrix/client/v3/rooms/{room}/send/m.room.message/{txnId}</c> with an
/// m.notice (what bots send) in plain and HTML form. The transaction id is the outbox message's, so a retry after a
/// lost answer is recognised by the homeserver and posted once. The access token is the secret.
/// </summary>
public sealed partial class MatrixChannel : ChannelDefinition
{
    public override NotificationChannelKind Kind => NotificationChannelKind.Matrix;
    public override string Name => "matrix";
    public override string Service => "Matrix";

    public override IReadOnlyList<ChannelField> Fields { get; } =
    [
        ChannelField.ApiUrl(required: true),
        new("access_token", Secret: true),
        new("room_id", Accepts: r => RoomId().IsMatch(r), Expected: "a room id like !abc123:example.org (Room settings, Advanced)"),
    ];

    public override string DefaultName(IReadOnlyDictionary<string, string> plainSettings) =>
        plainSettings.TryGetValue("room_id", out var room) ? $"matrix {room}" : Name;

    public override ChannelRequest Request(NotificationSummary summary, ChannelSettings settings)
    {
        var html = new List<string> { $"<strong>{MarkupEscaping.Html(summary.Headline)}</strong>" };
        if (summary.Text is { } text) html.Add(MarkupEscaping.Html(text).Replace("\n", "<br>"));
        else html.AddRange(summary.Facts.Select(f => $"<b>{f.Label}:</b> {MarkupEscaping.Html(f.Value)}"));
        html.Add($"<a href=\"{MarkupEscaping.Html(summary.Link)}\">Open in ProbeDashboard</a>");
        var room = Uri.EscapeDataString(settings.Required("room_id"));
        return new ChannelRequest(HttpMethod.Put,
            $"{settings.ApiUrl(null)}/_matrix/client/v3/rooms/{room}/send/m.room.message/{Uri.EscapeDataString(summary.TransactionId)}",
            new JsonObject
            {
                ["msgtype"] = "m.notice",
                ["body"] = summary.Text is { } plain ? $"{summary.Headline}\n{plain}\n{summary.Link}" : summary.PlainText,
                ["format"] = "org.matrix.custom.html",
                ["formatted_body"] = string.Join("<br>", html),
            },
            new Dictionary<string, string> { ["Authorization"] = $"Bearer {settings.Required("access_token")}" });
    }

    [GeneratedRegex(@"^![^:\s]+:[^\s]+$")]
    private static partial Regex RoomId();
}
