namespace ProbeDashboard.Core.Notifications.Channels;

/// <summary>One colour per severity for every service that colours messages, so a page looks the same in Slack and Discord.</summary>
public static class SeverityColours
{
    /// <param name="severity"><see cref="NotificationSummary.Severity"/>.</param>
    /// <returns>"#rrggbb".</returns>
    public static string Hex(string severity) => severity switch
    {
        "critical" => "#d32f2f",
        "warning" => "#f9a825",
        "resolved" => "#2e7d32",
        "acknowledged" => "#6a1b9a",
        "test" => "#607d8b",
        _ => "#1976d2",
    };

    /// <summary>The same colour as a 24-bit number (Discord's embed colour).</summary>
    public static int Rgb(string severity) => Convert.ToInt32(Hex(severity)[1..], 16);
}
