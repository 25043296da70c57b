using System.Globalization;

namespace ProbeDashboard.Core.Notifications.Channels;

/// <summary>
/// A service channel recipient as callers give it: its kind, an optional name, and the settings of that kind (the
/// others left null). Secret settings are write-only: null keeps the one stored for the same kind and name, "" removes
/// an optional one.
/// </summary>
public sealed record ChannelRecipientInput(
    string? Kind, string? Name = null, string? ApiUrl = null, string? WebhookUrl = null, string? BotToken = null, string? ChatId = null,
    string? RoomId = null, string? Topic = null, string? AccessToken = null, string? AppToken = null, string? UserKey = null,
    int? Priority = null, string? RoutingKey = null, string? ApiKey = null)
{
    /// <summary>The settings given, by their API names.</summary>
    public Dictionary<string, string> Given() => new Dictionary<string, string?>
    {
        ["api_url"] = ApiUrl?.Trim(), ["webhook_url"] = WebhookUrl?.Trim(), ["bot_token"] = BotToken?.Trim(), ["chat_id"] = ChatId?.Trim(),
        ["room_id"] = RoomId?.Trim(), ["topic"] = Topic?.Trim(), ["access_token"] = AccessToken?.Trim(), ["app_token"] = AppToken?.Trim(),
        ["user_key"] = UserKey?.Trim(), ["priority"] = Priority?.ToString(CultureInfo.InvariantCulture), ["routing_key"] = RoutingKey?.Trim(),
        ["api_key"] = ApiKey?.Trim(),
    }.Where(v => v.Value is not null).ToDictionary(v => v.Key, v => v.Value!);

    /// <summary>The input that describes a stored recipient; with secrets only when <paramref name="values"/> holds them (export).</summary>
    public static ChannelRecipientInput Of(ChannelDefinition definition, string name, IReadOnlyDictionary<string, string> values)
    {
        string? Get(string field) => values.TryGetValue(field, out var v) ? v : null;
        return new ChannelRecipientInput(definition.Name, name, Get("api_url"), Get("webhook_url"), Get("bot_token"), Get("chat_id"),
            Get("room_id"), Get("topic"), Get("access_token"), Get("app_token"), Get("user_key"),
            Get("priority") is { } p ? int.Parse(p, CultureInfo.InvariantCulture) : null, Get("routing_key"), Get("api_key"));
    }
}
