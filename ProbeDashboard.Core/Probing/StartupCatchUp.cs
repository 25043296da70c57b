using ProbeDashboard.Core.Monitors;

namespace ProbeDashboard.Core.Probing;

/// <summary>
/// What the start-up rebuild does about rounds missed while the server was down. A monitor that has gone a whole
/// interval without a probe gets one catch-up probe, and the catch-ups are laid out one after another over a short
/// window rather than fired together (Quartz would fire every slot that fell inside the start-up seconds at once);
/// each monitor then follows its phase again (<see cref="ProbeSchedule.FirstFireAfterProbeNow"/>). A monitor probed
/// within its interval just waits for its phase.
/// </summary>
public static class StartupCatchUp
{
    /// <summary>The shortest window the catch-ups are spread over.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    /// <summary>Time for the rebuild to hand its triggers to the scheduler before the first catch-up is due.</summary>
    public static readonly TimeSpan Lead = TimeSpan.FromSeconds(2);

    /// <summary>True when the monitor has no probe within one interval before <paramref name="now"/>: it missed a round.</summary>
    public static bool MissedARound(MonitorDefinition monitor, DateTimeOffset now) =>
        monitor.Current.LastProbeAt is not { } last || last.AddSeconds(monitor.IntervalSeconds) < now.UtcDateTime;

    /// <summary>
    /// The instant of each catch-up probe, by monitor id, for the <paramref name="monitors"/> that missed a round, the
    /// longest-waiting first, evenly spaced from <paramref name="now"/> + <see cref="Lead"/> over <see cref="Window"/>,
    /// or longer when that would probe faster than all of <paramref name="monitors"/> do in steady state: the start is
    /// then at most twice as busy as any other moment, even after a long stop.
    /// </summary>
    public static Dictionary<int, DateTimeOffset> Plan(IReadOnlyCollection<MonitorDefinition> monitors, DateTimeOffset now)
    {
        var missed = monitors.Where(m => MissedARound(m, now))
            .OrderBy(m => m.Current.LastProbeAt ?? DateTime.MinValue).ThenBy(m => m.Id).ToList();
        if (missed.Count == 0) return [];
        var steadyPerSecond = monitors.Sum(m => 1.0 / m.IntervalSeconds);
        var window = TimeSpan.FromSeconds(Math.Max(Window.TotalSeconds, missed.Count / steadyPerSecond));
        var step = window / missed.Count;
        return missed.Select((m, i) => (m.Id, At: now + Lead + step * i)).ToDictionary(p => p.Id, p => p.At);
    }
}
