namespace ProbeDashboard.Core.Availability;

/// <summary>Probe counts and latency over one period (or window), summed over hosts.</summary>
public sealed record AvailabilityPoint(
    DateTime Start, int Total, int Successes, double LatencySumMs, double? LatencyMinMs = null, double? LatencyMaxMs = null)
{
    public static AvailabilityPoint Empty(DateTime start) => new(start, 0, 0, 0);

    public int Failures => Total - Successes;

    /// <returns>Availability in percent (0–100), or null when the period has no samples.</returns>
    public double? AvailabilityPercent => Total == 0 ? null : 100.0 * Successes / Total;

    /// <returns>Mean latency of the successful probes in milliseconds, or null when none succeeded.</returns>
    public double? AverageLatencyMs => Successes == 0 ? null : LatencySumMs / Successes;

    /// <summary>Adds another period's counts into this one (daily points into a week or month).</summary>
    public AvailabilityPoint Plus(AvailabilityPoint other) => this with
    {
        Total = Total + other.Total,
        Successes = Successes + other.Successes,
        LatencySumMs = LatencySumMs + other.LatencySumMs,
        LatencyMinMs = MinOf(LatencyMinMs, other.LatencyMinMs),
        LatencyMaxMs = MaxOf(LatencyMaxMs, other.LatencyMaxMs),
    };

    private static double? MinOf(double? a, double? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);
    private static double? MaxOf(double? a, double? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);
}

/// <summary>The statistics block of a monitor's detail: the last hour, day and week.</summary>
public sealed record MonitorStatistics(AvailabilityPoint LastHour, AvailabilityPoint LastDay, AvailabilityPoint LastWeek);
