using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProbeDashboard.Core.Json;

/// <summary>
/// Writes times as RFC 3339 UTC with a trailing Z, as seed 001 shows them ("2025-10-07T10:00:00Z"); milliseconds
/// appear only when there are any. Reads any ISO 8601 time and converts it to UTC.
/// </summary>
public sealed class UtcTimeJsonConverter : JsonConverter<DateTime>
{
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        if (!Rfc3339.TryParse(text, out var value))
            throw new WireValueException($"'{text}' is not an RFC 3339 time");
        return value;
    }

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Rfc3339.Format(value));
}

public static class Rfc3339
{
    public static string Format(DateTime value)
    {
        var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value;
        return utc.ToString(utc.Millisecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
    }

    /// <summary>Parses a time with an offset (or Z); a time without one is taken as UTC.</summary>
    public static bool TryParse(string? text, out DateTime utc)
    {
        utc = default;
        if (string.IsNullOrWhiteSpace(text) || !char.IsAsciiDigit(text[0])) return false;
        // An unencoded '+' in a query string arrives as a space: "10:00:00 08:00" meant "10:00:00+08:00".
        var candidate = text.Trim().Replace(' ', '+');
        if (!DateTimeOffset.TryParse(candidate, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
            return false;
        utc = parsed.UtcDateTime;
        return true;
    }
}
