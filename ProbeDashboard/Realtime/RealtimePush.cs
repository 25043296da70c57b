using System.Text.Json;
using ProbeDashboard.Api;

namespace ProbeDashboard.Realtime;

/// <summary>
/// One seed 001 §5 message on its way to subscribers: the stream, the topic subscribers filter on (a host or
/// service id, or an alert level), the wire object (for SignalR) and its JSON (for raw sockets, serialised once
/// for every connection).
/// </summary>
public sealed record RealtimePush(RealtimeStream Stream, string Topic, string Type, object Message, ReadOnlyMemory<byte> Json)
{
    internal static readonly JsonSerializerOptions WireJson = CreateWireJson();

    /// <summary>
    /// The /api/v1 JSON shape, written without HTML escaping: these frames never land in a page, and escaping would
    /// turn every Chinese alert title into \u sequences on the wire.
    /// </summary>
    public static void ConfigureJson(JsonSerializerOptions options)
    {
        ApiSetup.ConfigureJson(options);
        options.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
    }

    public static RealtimePush Create(RealtimeStream stream, string topic, string type, object message) =>
        new(stream, topic, type, message, JsonSerializer.SerializeToUtf8Bytes(message, message.GetType(), WireJson));

    public static RealtimePush ForId(RealtimeStream stream, int id, string type, object message) =>
        Create(stream, IdTopic(id), type, message);

    public static string IdTopic(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static JsonSerializerOptions CreateWireJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ConfigureJson(options);
        return options;
    }
}
