using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using ProbeDashboard.Core.Notifications.Channels;

namespace ProbeDashboard.Core.Notifications.Chat;

/// <summary>Telegram Bot API <c>sendMessage</c> in HTML parse mode; every user-typed text HTML-escaped. The bot token is the secret.</summary>
public sealed partial class TelegramChannel : ChannelDefinition
{
    public override NotificationChannelKind Kind => NotificationChannelKind.Telegram;
    public override string Name => "telegram";
    public override string Service => "Telegram";
    public override string? PublicApiUrl => "https://api.telegram.org";

    public override IReadOnlyList<ChannelField> Fields { get; } =
    [
        new("bot_token", Secret: true, Accepts: t => BotToken().IsMatch(t), Expected: "a bot token like 123456:ABC-def (from @BotFather)"),
        new("chat_id", Accepts: c => ChatId().IsMatch(c), Expected: "a numeric chat id (e.g. -1001234567890) or @channelname"),
        ChannelField.ApiUrl(),
    ];

    public override string DefaultName(IReadOnlyDictionary<string, string> plainSettings) =>
        plainSettings.TryGetValue("chat_id", out var chat) ? $"telegram {chat}" : Name;

    public override ChannelRequest Request(NotificationSummary summary, ChannelSettings settings)
    {
        var lines = new List<string> { $"<b>{MarkupEscaping.Html(summary.Headline)}</b>" };
        if (summary.Text is { } text) lines.Add(text);
        else lines.AddRange(summary.Facts.Select(f => $"<b>{f.Label}:</b> {MarkupEscaping.Html(f.Value)}"));
        lines.Add($"<a href=\"{MarkupEscaping.Html(summary.Link)}\">Open in ProbeDashboard</a>");
        return ChannelRequest.Post($"{settings.ApiUrl(PublicApiUrl)}/bot{settings.Required("bot_token")}/sendMessage", new JsonObject
        {
            ["chat_id"] = settings.Required("chat_id"),
            // Telegram's limit is 4096 characters after entities are parsed; clipping the source keeps well inside.
            ["text"] = string.Join('\n', lines).Clip(4000),
            ["parse_mode"] = "HTML",
            ["disable_web_page_preview"] = true,
        });
    }

    [GeneratedRegex(@"^[0-9]{3,20}:[A-Za-z0-9_-]{20,100}$")]
    private static partial Regex BotToken();

    [GeneratedRegex(@"^(-?[0-9]{1,20}|@[A-Za-z][A-Za-z0-9_]{3,63})$")]
    private static partial Regex ChatId();
}
