namespace ProbeDashboard.Core.Monitors;

/// <summary>How one round of a monitor went, as a heartbeat tick shows it.</summary>
public enum HeartbeatState
{
    Up,
    Down,
    /// <summary>Up, but slower on average than the monitor's max_latency.</summary>
    Slow,
}

/// <summary>One host's result in a round; the host name is "#id" for a host deleted since.</summary>
public sealed record HeartbeatResult(string HostName, bool Success, double LatencyMs, string? ErrorMessage);

/// <summary>
/// One round of a monitor: the results its hosts reported for one scheduled fire time, judged by the same rule the
/// result writer counts rounds with (<see cref="Results.ProbeRound.Fails"/>).
/// </summary>
/// <param name="At">The newest result's time in the round, UTC.</param>
/// <param name="LatencyMs">Mean latency of the hosts that succeeded; null when none did.</param>
public sealed record HeartbeatRound(DateTime At, HeartbeatState State, double? LatencyMs, IReadOnlyList<HeartbeatResult> Results);
