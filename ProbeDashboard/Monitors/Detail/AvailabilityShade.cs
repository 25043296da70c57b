using System.Globalization;

namespace ProbeDashboard.Monitors.Detail;

/// <summary>
/// The colour of an availability bar: green when (nearly) all went well, amber a little below, and below 95 % a red
/// whose strength follows what was lost, so a 62 % hour reads lighter than a 0 % one.
/// </summary>
public static class AvailabilityShade
{
    public static string Grade(double? percent) => percent switch
    {
        null => "none",
        >= 99.9 => "good",
        >= 95 => "degraded",
        _ => "bad",
    };

    /// <summary>Share of the error colour mixed into the surface: 35 % at 95 % availability up to 100 % at 0 %.</summary>
    public static int RedStrength(double percent) => (int)Math.Round(35 + 65 * (1 - Math.Clamp(percent, 0, 95) / 95));

    public static string? Style(double? percent) => percent is { } p && Grade(p) == "bad"
        ? string.Create(CultureInfo.InvariantCulture, $"background: color-mix(in srgb, var(--pd-offline) {RedStrength(p)}%, var(--mud-palette-surface))")
        : null;
}
