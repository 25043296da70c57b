using System.Globalization;

namespace ProbeDashboard.Core.Monitors;

/// <summary>
/// A monitor's type on the wire: the seed's number (1, 2, 3) or its name (http, tcp, icmp), both accepted
/// wherever a type is read; the export writes names, the API answers numbers.
/// </summary>
public static class MonitorKindNames
{
    /// <summary>The accepted values, for error messages: "1 (http), 2 (tcp) or 3 (icmp)".</summary>
    public static readonly string Choices = ListChoices();

    public static string Of(MonitorKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>A name (any case) or a decimal number of a defined kind.</summary>
    public static bool TryParse(string? text, out MonitorKind kind)
    {
        kind = default;
        text = text?.Trim();
        if (string.IsNullOrEmpty(text)) return false;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            kind = (MonitorKind)number;
            return Enum.IsDefined(kind);
        }
        foreach (var candidate in Enum.GetValues<MonitorKind>())
        {
            if (!string.Equals(Of(candidate), text, StringComparison.OrdinalIgnoreCase)) continue;
            kind = candidate;
            return true;
        }
        return false;
    }

    private static string ListChoices()
    {
        var all = Enum.GetValues<MonitorKind>().Select(k => $"{(int)k} ({Of(k)})").ToList();
        return string.Join(", ", all[..^1]) + " or " + all[^1];
    }
}
