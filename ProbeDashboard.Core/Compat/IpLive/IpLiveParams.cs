using System.Globalization;

namespace ProbeDashboard.Core.Compat.IpLive;

/// <summary>Thrown while reading parameters; the API answers it as the outcome it carries.</summary>
public sealed class IpLiveParamException(IpLiveOutcome outcome) : Exception(outcome.Msg)
{
    public IpLiveOutcome Outcome { get; } = outcome;
}

/// <summary>
/// The parameters of one iplive call, from a form or a JSON body alike (the host flattens both to strings), with
/// readers that answer a missing one as 1002 and a malformed one as 1003.
/// </summary>
public sealed class IpLiveParams(IReadOnlyDictionary<string, string> values)
{
    public string? Optional(string name) =>
        values.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    public string Required(string name) => Optional(name) ?? throw new IpLiveParamException(IpLiveOutcome.Missing(name));

    public long RequiredLong(string name) => ParseLong(name, Required(name));

    public int? OptionalInt(string name, int min, int max)
    {
        if (Optional(name) is not { } text) return null;
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            throw new IpLiveParamException(IpLiveOutcome.Invalid($"{name} must be an integer from {min} to {max}"));
        return value;
    }

    /// <summary>A ':'-separated list (record_ids, ips, node_ips), blanks dropped.</summary>
    public static string[] List(string text) => text.Split(':', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static long ParseLong(string name, string text) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? value
            : throw new IpLiveParamException(IpLiveOutcome.Invalid($"{name} must be a non-negative integer, got '{text}'"));
}
