using System.Text.Json.Nodes;

namespace ProbeDashboard.Core.Notifications.Channels;

/// <summary>The one HTTP request a service's API wants for a message: where, how, and the JSON body.</summary>
public sealed record ChannelRequest(HttpMethod Method, string Url, JsonNode Body, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static ChannelRequest Post(string url, JsonNode body, IReadOnlyDictionary<string, string>? headers = null) => new(HttpMethod.Post, url, body, headers);
}
