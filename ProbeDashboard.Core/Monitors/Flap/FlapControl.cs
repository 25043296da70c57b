namespace ProbeDashboard.Core.Monitors.Flap;

/// <summary>
/// The rhythm of a monitor's rounds under flap control: after a failed round the next ones come every
/// <c>retry_interval</c>, so a real outage is confirmed (fail_threshold reached) sooner, and a blip clears sooner; once a
/// round passes or the threshold is reached the monitor goes back to its <c>duration</c>. The result writer (which
/// numbers rounds) and the probe scheduler (which fires them) both ask this one rule, so they always agree.
/// </summary>
public static class FlapControl
{
    /// <param name="intervalSeconds">The monitor's duration.</param>
    /// <param name="retryIntervalSeconds">Its retry_interval; null means the same as the duration.</param>
    /// <param name="failThreshold">Failed rounds in a row that fire its down alert.</param>
    /// <param name="consecutiveFailures">Failed rounds in a row so far (0 after a passing round).</param>
    /// <returns>Seconds until the next round.</returns>
    public static int RoundInterval(int intervalSeconds, int? retryIntervalSeconds, int failThreshold, int consecutiveFailures) =>
        retryIntervalSeconds is { } retry && retry < intervalSeconds && consecutiveFailures > 0 && consecutiveFailures < Math.Max(1, failThreshold)
            ? retry
            : intervalSeconds;

    /// <summary>The interval of <paramref name="monitor"/>'s next round after <paramref name="consecutiveFailures"/> failed ones.</summary>
    public static int RoundInterval(MonitorDefinition monitor, int consecutiveFailures) =>
        RoundInterval(monitor.IntervalSeconds, monitor.RetryIntervalSeconds, monitor.FailThreshold, consecutiveFailures);
}
