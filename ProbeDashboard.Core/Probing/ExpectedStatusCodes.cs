using System.Globalization;

namespace ProbeDashboard.Core.Probing;

/// <summary>
/// The HTTP status codes a monitor accepts, written as "200,204,300-399". Empty means any 2xx or 3xx.
/// </summary>
public sealed class ExpectedStatusCodes
{
    public static readonly ExpectedStatusCodes AnySuccessOrRedirect = new([(200, 399)], "2xx/3xx");

    private readonly (int From, int To)[] _ranges;
    private readonly string _text;

    private ExpectedStatusCodes((int From, int To)[] ranges, string text)
    {
        _ranges = ranges;
        _text = text;
    }

    public bool Contains(int statusCode) => _ranges.Any(r => statusCode >= r.From && statusCode <= r.To);

    /// <summary>The accepted codes as a user wrote them, for "expected status 200, got 503".</summary>
    public override string ToString() => _text;

    /// <summary>Parses "200,204,300-399" (spaces allowed); null or blank gives <see cref="AnySuccessOrRedirect"/>.</summary>
    /// <param name="error">Why the text was rejected, for the API's per-field errors.</param>
    public static bool TryParse(string? text, out ExpectedStatusCodes codes, out string? error)
    {
        codes = AnySuccessOrRedirect;
        error = null;
        if (string.IsNullOrWhiteSpace(text)) return true;

        var ranges = new List<(int, int)>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var bounds = part.Split('-', StringSplitOptions.TrimEntries);
            if (bounds.Length > 2 || !bounds.All(IsStatusCode))
            {
                error = $"'{part}' is not a status code (100-599) or a range like 300-399";
                return false;
            }
            var from = int.Parse(bounds[0], CultureInfo.InvariantCulture);
            var to = int.Parse(bounds[^1], CultureInfo.InvariantCulture);
            if (from > to)
            {
                error = $"range '{part}' ends before it starts";
                return false;
            }
            ranges.Add((from, to));
        }
        codes = new ExpectedStatusCodes([.. ranges], string.Join(",", text.Split(',', StringSplitOptions.TrimEntries)));
        return true;
    }

    /// <summary>Like <see cref="TryParse"/> for text that was validated when it was saved.</summary>
    public static ExpectedStatusCodes Parse(string? text) =>
        TryParse(text, out var codes, out var error) ? codes : throw new FormatException(error);

    private static bool IsStatusCode(string s) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code is >= 100 and <= 599;
}
