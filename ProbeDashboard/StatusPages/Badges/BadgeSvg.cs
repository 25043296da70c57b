using System.Globalization;
using System.Security;

namespace ProbeDashboard.StatusPages.Badges;

/// <summary>A flat two-part badge ("label | value") in the style READMEs are used to, as standalone SVG.</summary>
public static class BadgeSvg
{
    public const string Green = "#4c1";
    public const string YellowGreen = "#97ca00";
    public const string Yellow = "#dfb317";
    public const string Orange = "#fe7d37";
    public const string Red = "#e05d44";
    public const string Grey = "#9f9f9f";
    public const string Blue = "#007ec6";

    public static string Render(string label, string value, string colour)
    {
        var labelWidth = TextWidth(label) + 10;
        var valueWidth = TextWidth(value) + 10;
        var width = labelWidth + valueWidth;
        var (l, v) = (SecurityElement.Escape(label), SecurityElement.Escape(value));
        return string.Create(CultureInfo.InvariantCulture, $"""
            <svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="20" role="img" aria-label="{l}: {v}"><title>{l}: {v}</title><linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient><clipPath id="r"><rect width="{width}" height="20" rx="3" fill="#fff"/></clipPath><g clip-path="url(#r)"><rect width="{labelWidth}" height="20" fill="#555"/><rect x="{labelWidth}" width="{valueWidth}" height="20" fill="{colour}"/><rect width="{width}" height="20" fill="url(#s)"/></g><g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11"><text x="{labelWidth / 2.0:0.#}" y="14">{l}</text><text x="{labelWidth + valueWidth / 2.0:0.#}" y="14">{v}</text></g></svg>
            """);
    }

    /// <summary>Verdana 11 px, roughly: narrow letters count less, so short values do not float in wide boxes.</summary>
    private static int TextWidth(string text) =>
        (int)Math.Ceiling(text.Sum(c => c switch
        {
            'i' or 'l' or 'j' or '.' or ',' or ':' or ' ' or '|' or '!' or '\'' => 3.5,
            'm' or 'w' or 'M' or 'W' or '%' => 10.5,
            >= 'A' and <= 'Z' => 7.5,
            _ => 6.8,
        }));

    public static string UptimeColour(double percent) =>
        percent >= 99.9 ? Green : percent >= 99 ? YellowGreen : percent >= 95 ? Yellow : Red;
}
