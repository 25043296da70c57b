using Quartz;
using Quartz.Impl.Triggers;

namespace ProbeDashboard.Probing;

/// <summary>
/// The one trigger of a (monitor, host): every interval on the monitor's phase from <see cref="TriggerBase.StartTimeUtc"/>
/// (<see cref="Core.Probing.ProbeSchedule"/>), and with <see cref="ProbeFirstAt"/> one probe at that instant before the
/// phase starts: the probe made at once after a create or an edit, or a start-up catch-up. One trigger rather than a
/// one-shot beside the repeating one: on a fresh start with 100,000 monitors the one-shots were 90,000 more triggers.
/// </summary>
public sealed class PhaseTrigger : SimpleTriggerImpl
{
    private readonly TimeProvider _quartzClock;

    /// <param name="quartzClock">The scheduler's clock, read when a fire is late; Quartz runs on the system clock here.</param>
    public PhaseTrigger(TriggerKey key, DateTimeOffset phaseStart, TimeSpan interval, DateTimeOffset? probeFirstAt = null, TimeProvider? quartzClock = null)
        : base(quartzClock)
    {
        _quartzClock = quartzClock ?? TimeProvider.System;
        Key = key;
        JobKey = ProbeJobKeys.Job;
        StartTimeUtc = phaseStart;
        RepeatInterval = interval;
        RepeatCount = RepeatIndefinitely;
        // A phase slot missed by more than the misfire threshold is skipped, never made up in a burst.
        MisfireInstructionCode = (int)SimpleTriggerMisfireInstruction.NextWithRemainingCount;
        ProbeFirstAt = probeFirstAt < phaseStart ? probeFirstAt : null;
    }

    /// <summary>The one probe before the phase starts, if any.</summary>
    public DateTimeOffset? ProbeFirstAt { get; }

    public override DateTimeOffset? ComputeFirstFireTimeUtc(ICalendar? calendar)
    {
        var phase = base.ComputeFirstFireTimeUtc(calendar);
        if (ProbeFirstAt is not { } first) return phase;
        NextFireTimeUtc = first;
        return first;
    }

    // After the probe before the phase, base.Triggered moves on to the phase: the fire time after it is StartTimeUtc.

    public override void UpdateAfterMisfire(ICalendar? calendar)
    {
        // The probe before the phase is still made when the scheduler reaches it late: it is one probe, never a burst
        // (what a one-shot trigger did).
        if (PreviousFireTimeUtc is null && ProbeFirstAt is { } first && NextFireTimeUtc == first)
            NextFireTimeUtc = _quartzClock.GetUtcNow();
        else
            base.UpdateAfterMisfire(calendar);
    }
}
