using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProbeDashboard.Core.Notifications.Webhook;

/// <summary>
/// An extra header of a webhook as callers give it. A secret header's value is write-only: null keeps the value stored
/// for the same webhook URL and header name.
/// </summary>
public sealed record WebhookHeaderInput(string? Name, string? Value, bool Secret = false);

/// <summary>A stored header: its value in clear, or (secret) encrypted with <see cref="SecretProtector"/>.</summary>
public sealed record StoredWebhookHeader(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("value"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Value = null,
    [property: JsonPropertyName("protected_value"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ProtectedValue = null)
{
    public bool Secret => ProtectedValue is not null;
}

/// <summary>
/// A webhook's extra headers: checked on save (errors keyed <c>webhooks[i].headers[j].name|value</c>), stored as a JSON
/// array with secret values encrypted one by one, and read back in clear only to send.
/// </summary>
public static class WebhookHeaders
{
    public const int MaxHeaders = 20;
    public const int MaxNameLength = 100;
    public const int MaxValueLength = 2000;

    /// <summary>
    /// Headers a webhook may not set: hop-by-hop ones (RFC 9110 §7.6.1) belong to the connection, Host and Content-Length
    /// to the request line and body, Content-Type has its own setting, and the signature is ours.
    /// </summary>
    public static readonly IReadOnlySet<string> Refused = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Connection", "Proxy-Authenticate", "Proxy-Authorization", "TE", "Trailer", "Transfer-Encoding",
        "Upgrade", "Host", "Content-Length", "Content-Type", WebhookChannel.SignatureHeader,
    };

    public static void Validate(IReadOnlyList<WebhookHeaderInput?> headers, string at, Dictionary<string, string[]> errors)
    {
        if (headers.Count > MaxHeaders) { errors[$"{at}.headers"] = [$"at most {MaxHeaders} headers per webhook"]; return; }
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var j = 0; j < headers.Count; j++)
        {
            var field = $"{at}.headers[{j}]";
            var name = headers[j]?.Name?.Trim() ?? "";
            if (name.Length == 0) errors[$"{field}.name"] = ["header name is required"];
            else if (name.Length > MaxNameLength) errors[$"{field}.name"] = [$"header name is longer than {MaxNameLength} characters"];
            else if (!name.All(IsTokenChar)) errors[$"{field}.name"] = [$"'{name}' is not a header name (letters, digits and !#$%&'*+-.^_`|~ only)"];
            else if (Refused.Contains(name)) errors[$"{field}.name"] = [$"{name} cannot be set on a webhook"];
            else if (!seen.Add(name)) errors[$"{field}.name"] = [$"header {name} is given twice"];

            var value = headers[j]?.Value;
            // Empty counts as missing: it is what a form sends when a stored secret header is made plain without retyping it.
            if (string.IsNullOrEmpty(value) && headers[j]?.Secret != true) errors[$"{field}.value"] = ["header value is required"];
            else if (value?.Length > MaxValueLength) errors[$"{field}.value"] = [$"header value is longer than {MaxValueLength} characters"];
            else if (value is not null && value.Any(c => char.IsControl(c) && c != '\t')) errors[$"{field}.value"] = ["header value contains a line break or control character"];
        }
    }

    /// <summary>Secret headers left without a value and with none stored for the same URL and name.</summary>
    public static void ValidateSecrets(IReadOnlyList<WebhookHeaderInput?> headers, string? storedJson, string at, Dictionary<string, string[]> errors)
    {
        var stored = Parse(storedJson);
        for (var j = 0; j < headers.Count; j++)
            if (headers[j] is { Secret: true, Value: null } header && !stored.Any(s => s.Secret && Same(s.Name, header.Name)))
                errors[$"{at}.headers[{j}].value"] = [$"a value is required for the new secret header {header.Name?.Trim()}"];
    }

    /// <returns>The JSON to store, or null without headers.</returns>
    public static string? Build(IReadOnlyList<WebhookHeaderInput?>? headers, string? storedJson, SecretProtector secrets)
    {
        if (headers is null || headers.Count == 0) return null;
        var stored = Parse(storedJson);
        var built = headers.OfType<WebhookHeaderInput>().Select(h =>
        {
            var name = h.Name!.Trim();
            if (!h.Secret) return new StoredWebhookHeader(name, h.Value ?? "");
            var protectedValue = h.Value is null ? stored.First(s => s.Secret && Same(s.Name, name)).ProtectedValue : secrets.Protect(h.Value);
            return new StoredWebhookHeader(name, ProtectedValue: protectedValue);
        }).ToList();
        return JsonSerializer.Serialize(built);
    }

    public static IReadOnlyList<StoredWebhookHeader> Parse(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<StoredWebhookHeader>>(json) ?? [];

    /// <summary>Every header with its value in clear: for sending, and for comparing a save with what is stored.</summary>
    public static IEnumerable<KeyValuePair<string, string>> InClear(string? json, SecretProtector secrets) =>
        Parse(json).Select(h => KeyValuePair.Create(h.Name, h.ProtectedValue is { } p ? secrets.Unprotect(p) : h.Value ?? ""));

    private static bool Same(string a, string? b) => string.Equals(a, b?.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>RFC 9110 token characters.</summary>
    private static bool IsTokenChar(char c) => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c);
}
