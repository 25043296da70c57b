using System.Globalization;

namespace ProbeDashboard.Monitors.Kinds;

/// <summary>
/// <c>tls_expiry_days</c> as the form shows it: whole days separated by commas or spaces ("21, 14, 7").
/// Parsing judges nothing: a word that is not a whole number becomes 0, which Core's validator then reports under
/// <c>tls_expiry_days</c> like any other out-of-range threshold.
/// </summary>
public static class ExpiryDaysText
{
    public static string Format(IEnumerable<int> days) => string.Join(", ", days.Select(d => d.ToString(CultureInfo.InvariantCulture)));

    public static IReadOnlyList<int> Parse(string? text) =>
        (text ?? "").Split([',', ' ', '，', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(word => int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var day) ? day : 0)
            .ToList();
}
