namespace ProbeDashboard.Core.Results;

/// <summary>
/// One counted round of a monitor: the results its hosts reported for one scheduled fire time, judged together.
/// Thresholds (fail_threshold, recover_threshold) and the service_probe rule metrics count these, not results.
/// </summary>
/// <param name="At">The newest result's timestamp in the round.</param>
/// <param name="ConsecutiveFailures">Failed rounds in a row up to and including this one; 0 when it succeeded.</param>
/// <param name="LatencyMs">Mean latency of the hosts that succeeded, in milliseconds; null when the round failed.</param>
/// <param name="StatusCode">The HTTP status of the newest result that had one; 0 when none had.</param>
/// <param name="CertificateExpiresAt">The soonest certificate expiry the round's hosts saw; null when none saw a certificate.</param>
public sealed record ProbeRound(
    int MonitorId,
    DateTime At,
    bool Failed,
    int ConsecutiveFailures,
    int ReportingHosts,
    int FailedHosts,
    double? LatencyMs,
    int StatusCode,
    DateTime? CertificateExpiresAt = null)
{
    /// <summary>
    /// The round rule: it fails when at least <paramref name="failQuorum"/> of the hosts that reported failed, capped at
    /// the number that reported; without a quorum, when all of them failed. The tracker and the heartbeat bars share it.
    /// </summary>
    public static bool Fails(int reportingHosts, int failedHosts, int? failQuorum) =>
        failedHosts >= Math.Max(1, Math.Min(failQuorum ?? reportingHosts, reportingHosts));
}

/// <summary>How the writer judges a monitor's rounds: its interval (which places results in rounds) and its quorum.</summary>
/// <param name="FailQuorum">Failed hosts that make a round fail; null means every host that reported.</param>
/// <param name="EachResultIsARound">
/// True for push monitors: a ping (or a missed deadline) arrives when the job runs, not at a scheduled fire time,
/// so each result is a round of its own and counts at once.
/// </param>
/// <param name="RetryIntervalSeconds">The monitor's retry_interval (null: its interval): rounds after a failed one come at this rhythm.</param>
/// <param name="FailThreshold">Failed rounds in a row after which the monitor goes back to its interval.</param>
public readonly record struct RoundSettings(
    int IntervalSeconds, int? FailQuorum, bool EachResultIsARound = false, int? RetryIntervalSeconds = null, int FailThreshold = 1)
{
    /// <summary>The rhythm of the next round after <paramref name="consecutiveFailures"/> failed ones (flap control).</summary>
    public int RoundIntervalAfter(int consecutiveFailures) =>
        Monitors.Flap.FlapControl.RoundInterval(IntervalSeconds, RetryIntervalSeconds, FailThreshold, consecutiveFailures);
}
