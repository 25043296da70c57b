using System.Text.Json;
using ProbeDashboard.Core.Alerts;

namespace ProbeDashboard.Realtime.Sockets;

public enum SubscriptionAction
{
    Subscribe,
    Unsubscribe,
}

/// <summary>A client frame of seed 001 §5: <c>{"action": "subscribe" | "unsubscribe", "&lt;topic field&gt;": [...]}</c>.</summary>
public sealed record SubscriptionRequest(SubscriptionAction Action, IReadOnlyList<string> Topics)
{
    /// <summary>The alert level names of seed 001, the topics of the alert-events stream.</summary>
    public static readonly IReadOnlySet<string> AlertLevels =
        Enum.GetValues<AlertLevel>().Select(AlertNames.Of).ToHashSet(StringComparer.Ordinal);

    /// <summary>Reads one text frame for <paramref name="stream"/>.</summary>
    /// <returns>The request, or null with <paramref name="error"/> saying what is wrong, in words a client developer can act on.</returns>
    public static SubscriptionRequest? Parse(ReadOnlyMemory<byte> utf8, RealtimeStreamInfo stream, out string error)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8);
        }
        catch (JsonException)
        {
            error = "malformed JSON";
            return null;
        }
        using (document)
            return Parse(document.RootElement, stream, out error);
    }

    private static SubscriptionRequest? Parse(JsonElement root, RealtimeStreamInfo stream, out string error)
    {
        if (root.ValueKind != JsonValueKind.Object)
            return Fail("a message must be a JSON object", out error);
        if (!root.TryGetProperty("action", out var actionElement) || actionElement.ValueKind != JsonValueKind.String)
            return Fail("\"action\" is required: \"subscribe\" or \"unsubscribe\"", out error);
        SubscriptionAction? action = actionElement.GetString() switch
        {
            "subscribe" => SubscriptionAction.Subscribe,
            "unsubscribe" => SubscriptionAction.Unsubscribe,
            _ => null,
        };
        if (action is null)
            return Fail($"unknown action \"{actionElement.GetString()}\": use \"subscribe\" or \"unsubscribe\"", out error);
        if (!root.TryGetProperty(stream.TopicField, out var list) || list.ValueKind != JsonValueKind.Array)
            return Fail($"\"{stream.TopicField}\" is required and must be an array", out error);

        var topics = new List<string>(list.GetArrayLength());
        foreach (var item in list.EnumerateArray())
        {
            var topic = stream.TopicKind == RealtimeTopicKind.Ids ? IdTopic(item) : LevelTopic(item);
            if (topic is null)
                return Fail(stream.TopicKind == RealtimeTopicKind.Ids
                    ? $"\"{stream.TopicField}\" must hold positive integer ids"
                    : $"\"{stream.TopicField}\" must hold levels: {string.Join(", ", AlertLevels)}", out error);
            topics.Add(topic);
        }
        error = "";
        return new SubscriptionRequest(action.Value, topics);
    }

    private static string? IdTopic(JsonElement item) =>
        item.ValueKind == JsonValueKind.Number && item.TryGetInt32(out var id) && id > 0 ? RealtimePush.IdTopic(id) : null;

    private static string? LevelTopic(JsonElement item) =>
        item.ValueKind == JsonValueKind.String && AlertLevels.Contains(item.GetString()!) ? item.GetString() : null;

    private static SubscriptionRequest? Fail(string message, out string error)
    {
        error = message;
        return null;
    }
}
