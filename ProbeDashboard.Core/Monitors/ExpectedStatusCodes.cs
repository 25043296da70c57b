using System.Globalization;

namespace ProbeDashboard.Core.Monitors;

/// <summary>
/// The status codes an HTTP monitor accepts, written as "200,204,300-399". Empty means any 2xx or 3xx.
/// </summary>
public sealed class ExpectedStatusCodes
{
    private readonly (int From, int To)[] _ranges;

    private ExpectedStatusCodes((int From, int To)[] ranges) => _ranges = ranges;

    public static readonly ExpectedStatusCodes Default = new([(200, 399)]);

    public bool Accepts(int statusCode) => _ranges.Any(r => statusCode >= r.From && statusCode <= r.To);

    /// <returns>False when any part is not a code 100–599 or an ascending range of them.</returns>
    public static bool TryParse(string? text, out ExpectedStatusCodes codes)
    {
        codes = Default;
        if (string.IsNullOrWhiteSpace(text)) return true;

        var ranges = new List<(int, int)>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var bounds = part.Split('-', StringSplitOptions.TrimEntries);
            if (bounds.Length > 2 || !TryCode(bounds[0], out var from)) return false;
            var to = from;
            if (bounds.Length == 2 && (!TryCode(bounds[1], out to) || to < from)) return false;
            ranges.Add((from, to));
        }
        codes = new ExpectedStatusCodes([.. ranges]);
        return true;
    }

    private static bool TryCode(string text, out int code) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out code) && code is >= 100 and <= 599;
}
