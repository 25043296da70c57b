namespace ProbeDashboard.Core.Availability;

/// <summary>Probe counts and latency over one period (or window), summed over hosts.</summary>
/// <param name="Total">Probes outside maintenance windows: what <see cref="AvailabilityPercent"/> (the default figure) counts.</param>
/// <param name="MaintenanceTotal">Probes inside maintenance windows, counted only by <see cref="RawAvailabilityPercent"/>.</param>
public sealed record AvailabilityPoint(
    DateTime Start, int Total, int Successes, double LatencySumMs, double? LatencyMinMs = null, double? LatencyMaxMs = null,
    int MaintenanceTotal = 0, int MaintenanceSuccesses = 0)
{
    public static AvailabilityPoint Empty(DateTime start) => new(start, 0, 0, 0);

    public int Failures => Total - Successes;

    /// <returns>Availability in percent (0–100), or null when the period has no samples.</returns>
    public double? AvailabilityPercent => Total == 0 ? null : 100.0 * Successes / Total;

    /// <returns>Availability in percent with the probes inside maintenance windows counted too; null without any samples.</returns>
    public double? RawAvailabilityPercent =>
        Total + MaintenanceTotal == 0 ? null : 100.0 * (Successes + MaintenanceSuccesses) / (Total + MaintenanceTotal);

    /// <summary>The raw figures: maintenance probes folded into Total/Successes (what <c>include_maintenance=true</c> reports).</summary>
    public AvailabilityPoint IncludingMaintenance() => this with
    {
        Total = Total + MaintenanceTotal,
        Successes = Successes + MaintenanceSuccesses,
        MaintenanceTotal = 0,
        MaintenanceSuccesses = 0,
    };

    /// <returns>Mean latency of the successful probes in milliseconds, or null when none succeeded.</returns>
    public double? AverageLatencyMs => Successes == 0 ? null : LatencySumMs / Successes;

    /// <summary>Adds another period's counts into this one (daily points into a week or month).</summary>
    public AvailabilityPoint Plus(AvailabilityPoint other) => this with
    {
        Total = Total + other.Total,
        Successes = Successes + other.Successes,
        MaintenanceTotal = MaintenanceTotal + other.MaintenanceTotal,
        MaintenanceSuccesses = MaintenanceSuccesses + other.MaintenanceSuccesses,
        LatencySumMs = LatencySumMs + other.LatencySumMs,
        LatencyMinMs = MinOf(LatencyMinMs, other.LatencyMinMs),
        LatencyMaxMs = MaxOf(LatencyMaxMs, other.LatencyMaxMs),
    };

    private static double? MinOf(double? a, double? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);
    private static double? MaxOf(double? a, double? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);
}

/// <summary>The statistics block of a monitor's detail: the last hour, day and week.</summary>
public sealed record MonitorStatistics(AvailabilityPoint LastHour, AvailabilityPoint LastDay, AvailabilityPoint LastWeek);
