using System.Globalization;
using System.Text.Json;

namespace ProbeDashboard.Core.Notifications.Channels;

/// <summary>A queued message's channel settings, secret and plain, read back together for sending.</summary>
public sealed class ChannelSettings(IReadOnlyDictionary<string, string> values)
{
    public string? this[string name] => values.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    /// <exception cref="InvalidOperationException">The setting is missing (validated on save, so only an edited database gets here).</exception>
    public string Required(string name) => this[name] ?? throw new InvalidOperationException($"setting {name} is missing");

    public int? Integer(string name) => this[name] is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : null;

    /// <summary><c>api_url</c> when set, else the service's public API; without a trailing slash, to append paths.</summary>
    public string ApiUrl(string? publicApi) => (this["api_url"] ?? publicApi ?? Required("api_url")).TrimEnd('/');

    /// <summary>The settings of an outbox message: its plain JSON and its decrypted secret JSON.</summary>
    public static ChannelSettings Of(NotificationOutboxEntry message, SecretProtector secrets)
    {
        var values = Parse(message.SettingsJson);
        if (!string.IsNullOrEmpty(message.ProtectedSecret))
            foreach (var (name, value) in Parse(secrets.Unprotect(message.ProtectedSecret))) values[name] = value;
        return new ChannelSettings(values);
    }

    public static Dictionary<string, string> Parse(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];

    /// <returns>The JSON object for storage, or null when there is nothing to store.</returns>
    public static string? Serialize(IReadOnlyDictionary<string, string> values) =>
        values.Count == 0 ? null : JsonSerializer.Serialize(values.OrderBy(v => v.Key, StringComparer.Ordinal).ToDictionary());
}
