namespace ProbeDashboard.Alerts.Events;

/// <summary>The silence lengths an operator picks most; anything else is "custom".</summary>
public static class SilencePresets
{
    public static readonly IReadOnlyList<(int Seconds, string TextKey)> All =
    [
        (15 * 60, "Silence15m"),
        (3600, "Silence1h"),
        (4 * 3600, "Silence4h"),
        (24 * 3600, "Silence24h"),
    ];
}
