namespace ProbeDashboard.Core.Probing;

/// <summary>
/// When a monitor fires. Each monitor gets a fixed phase inside its interval, derived from its id, so that
/// ten thousand monitors created at once do not all fire in the same second, and so that a restart or a
/// reschedule keeps the same rhythm instead of bunching monitors up at the restart instant.
/// Only the start-up rebuild waits for the phase: a monitor created, edited, resumed or moved to new hosts is probed
/// at once and then joins its phase with <see cref="FirstFireAfterProbeNow"/>.
/// </summary>
public static class ProbeSchedule
{
    /// <summary>
    /// The monitor's phase in milliseconds, in [0, interval). Multiplying the id by 2^32/φ (Fibonacci hashing)
    /// spreads consecutive ids almost evenly over the interval, and any other ids well enough.
    /// </summary>
    public static long OffsetMs(int monitorId, int intervalSeconds)
    {
        var intervalMs = (long)intervalSeconds * 1000;
        var fraction = unchecked((uint)monitorId * 2654435769u);
        return (long)((ulong)fraction * (ulong)intervalMs >> 32);
    }

    /// <summary>
    /// The first instant at or after <paramref name="now"/> whose time since the Unix epoch, modulo the interval,
    /// equals the monitor's phase.
    /// </summary>
    public static DateTimeOffset FirstFireAt(int monitorId, int intervalSeconds, DateTimeOffset now)
    {
        var intervalMs = (long)intervalSeconds * 1000;
        var nowMs = now.ToUnixTimeMilliseconds();
        var cycleStart = nowMs - nowMs % intervalMs;
        var fire = cycleStart + OffsetMs(monitorId, intervalSeconds);
        if (fire < nowMs) fire += intervalMs;
        return DateTimeOffset.FromUnixTimeMilliseconds(fire);
    }

    /// <summary>
    /// The first phase fire after a probe made at once at <paramref name="probedAt"/>: at least three quarters of an
    /// interval later. Results belong to the round of the nearest fire time, so this keeps the probe made at once and
    /// the next one in two rounds, even when the first probe started a little late.
    /// </summary>
    public static DateTimeOffset FirstFireAfterProbeNow(int monitorId, int intervalSeconds, DateTimeOffset probedAt) =>
        FirstFireAt(monitorId, intervalSeconds, probedAt + TimeSpan.FromMilliseconds(intervalSeconds * 750L));
}
