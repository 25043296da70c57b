using System.Globalization;
using ProbeDashboard.Core.Json;

namespace ProbeDashboard.Api;

/// <summary>
/// Reads query parameters and collects a per-field error for each bad one, so `page=abc` is a 400 naming `page`
/// rather than a binding failure.
/// </summary>
public sealed class QueryReader(IQueryCollection query)
{
    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public bool HasErrors => _errors.Count > 0;

    public IReadOnlyDictionary<string, string[]> Errors => _errors;

    /// <summary>The trimmed value, or null when absent. Control characters are refused: no filter holds them, and a NUL
    /// cannot even be sent to PostgreSQL (it would be a 500 there).</summary>
    public string? Text(string name)
    {
        var value = query[name].ToString();
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (value.Any(char.IsControl))
        {
            Fail(name, "must not contain control characters");
            return null;
        }
        return value.Trim();
    }

    public int Int(string name, int fallback, int min, int max) => OptionalInt(name, min, max) ?? fallback;

    public int? OptionalInt(string name, int min, int max)
    {
        var text = Text(name);
        if (text is null) return null;
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            return value;
        Fail(name, $"must be a whole number from {min} to {max}");
        return null;
    }

    /// <summary>A value read by <paramref name="tryParse"/>; <paramref name="problem"/> names what is accepted.</summary>
    public T? Optional<T>(string name, TryParse<T> tryParse, string problem) where T : struct
    {
        var text = Text(name);
        if (text is null) return null;
        if (tryParse(text, out var value)) return value;
        Fail(name, problem);
        return null;
    }

    public delegate bool TryParse<T>(string text, out T value);

    public bool? OptionalBool(string name)
    {
        var text = Text(name);
        if (text is null) return null;
        if (bool.TryParse(text, out var value)) return value;
        if (text is "1" or "0") return text == "1";
        Fail(name, "must be true or false");
        return null;
    }

    /// <summary>An RFC 3339 time, returned in UTC.</summary>
    public DateTime? OptionalTime(string name)
    {
        var text = Text(name);
        if (text is null) return null;
        if (Rfc3339.TryParse(text, out var value)) return value;
        Fail(name, "must be an RFC 3339 time such as 2025-10-07T10:00:00Z");
        return null;
    }

    /// <summary>One of <paramref name="allowed"/>, compared without case.</summary>
    public string? OneOf(string name, params string[] allowed)
    {
        var text = Text(name);
        if (text is null) return null;
        var match = allowed.FirstOrDefault(a => a.Equals(text, StringComparison.OrdinalIgnoreCase));
        if (match is null) Fail(name, $"must be one of {string.Join(", ", allowed)}");
        return match;
    }

    public void Fail(string name, string problem) =>
        _errors[name] = _errors.TryGetValue(name, out var existing) ? [.. existing, problem] : [problem];
}
