using System.Globalization;

namespace ProbeDashboard.Ui;

/// <summary>Numbers as the chosen language writes them; a dash when there is nothing to show.</summary>
public static class Numbers
{
    public const string None = "—";

    public static string Latency(double? milliseconds) =>
        milliseconds is { } ms ? (ms >= 1000 ? (ms / 1000).ToString("N2", CultureInfo.CurrentCulture) + " s" : ms.ToString("N0", CultureInfo.CurrentCulture) + " ms") : None;

    /// <param name="percent">0–100, or null when there were no samples.</param>
    public static string Percent(double? percent) =>
        percent is { } p ? (p / 100).ToString(p >= 99.995 || p == 0 ? "P0" : "P2", CultureInfo.CurrentCulture) : None;

    /// <summary>A network speed in B/s, KB/s or MB/s (1024-based, as agents count bytes).</summary>
    public static string BytesPerSecond(double? bytesPerSecond) => bytesPerSecond switch
    {
        null => None,
        >= 1_048_576 => (bytesPerSecond.Value / 1_048_576).ToString("N1", CultureInfo.CurrentCulture) + " MB/s",
        >= 1024 => (bytesPerSecond.Value / 1024).ToString("N1", CultureInfo.CurrentCulture) + " KB/s",
        _ => bytesPerSecond.Value.ToString("N0", CultureInfo.CurrentCulture) + " B/s",
    };

    /// <summary>A size in B, KB, MB or GB (1024-based).</summary>
    public static string Bytes(long bytes) => bytes switch
    {
        >= 1L << 30 => ((double)bytes / (1L << 30)).ToString("N2", CultureInfo.CurrentCulture) + " GB",
        >= 1L << 20 => ((double)bytes / (1L << 20)).ToString("N1", CultureInfo.CurrentCulture) + " MB",
        >= 1024 => ((double)bytes / 1024).ToString("N0", CultureInfo.CurrentCulture) + " KB",
        _ => bytes.ToString("N0", CultureInfo.CurrentCulture) + " B",
    };
}
