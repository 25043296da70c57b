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

    /// <summary>
    /// Where the repeating trigger of a monitor that is not caught up starts counting: from its next slot after its last
    /// probe, as if the server had not stopped (after a probe made at once that slot can be more than an interval ahead,
    /// and an earlier slot would put two probes a few seconds apart), and never before <paramref name="now"/>. A slot
    /// between <paramref name="now"/> and the scheduler's start fires as soon as it starts, well inside Quartz's misfire
    /// threshold.
    /// </summary>
    public static DateTimeOffset PhaseFrom(MonitorDefinition monitor, DateTimeOffset now) =>
        NextSlotAfterLastProbe(monitor) is { } next && next > now ? next : now;

    /// <summary>
    /// True when the monitor's next slot after its last probe passed while the server was down: it missed a round. A
    /// monitor whose next slot is still ahead missed nothing, even if its last probe is more than an interval old: after a
    /// probe made at once (a create, an edit) the next slot comes 3/4 to 7/4 of an interval later, by design
    /// (<see cref="ProbeSchedule.FirstFireAfterProbeNow"/>), restart or not. Nor does a node joining a running cluster:
    /// its peers kept probing, so every next slot is still ahead, and the node takes its share at those slots rather
    /// than after a catch-up window (a slot due within the next seconds is not "missed").
    /// </summary>
    public static bool MissedARound(MonitorDefinition monitor, DateTimeOffset now) =>
        NextSlotAfterLastProbe(monitor) is not { } next || next < now;

    /// <summary>
    /// The instant of each catch-up probe, by monitor id, for the <paramref name="monitors"/> that missed a round, the
    /// longest overdue first, evenly spaced from <paramref name="now"/> + <see cref="Lead"/> over <see cref="Window"/>,
    /// or longer when that would probe faster than all of <paramref name="monitors"/> do in steady state: the start is
    /// then at most twice as busy as any other moment, even after a long stop.
    /// </summary>
    public static Dictionary<int, DateTimeOffset> Plan(IReadOnlyCollection<MonitorDefinition> monitors, DateTimeOffset now)
    {
        var missed = monitors.Where(m => MissedARound(m, now))
            .OrderBy(m => NextSlotAfterLastProbe(m) ?? DateTimeOffset.MinValue).ThenBy(m => m.Id).ToList();
        if (missed.Count == 0) return [];
        var steadyPerSecond = monitors.Sum(m => 1.0 / m.IntervalSeconds);
        var window = TimeSpan.FromSeconds(Math.Max(Window.TotalSeconds, missed.Count / steadyPerSecond));
        var step = window / missed.Count;
        return missed.Select((m, i) => (m.Id, At: now + Lead + step * i)).ToDictionary(p => p.Id, p => p.At);
    }

    /// <summary>
    /// The slot the monitor would have been probed at next had the server not stopped: the first phase slot at least
    /// 3/4 of an interval after its last probe, which is the next slot both after a probe on its phase (started late by
    /// under 1/4 of an interval) and after a probe made at once. Null when it was never probed.
    /// </summary>
    private static DateTimeOffset? NextSlotAfterLastProbe(MonitorDefinition monitor) =>
        monitor.Current.LastProbeAt is { } last
            ? ProbeSchedule.FirstFireAfterProbeNow(monitor.Id, monitor.IntervalSeconds, new DateTimeOffset(DateTime.SpecifyKind(last, DateTimeKind.Utc)))
            : null;
}
