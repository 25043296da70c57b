using ProbeDashboard.Core.Probing;
using ProbeDashboard.Probing;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.Probing;

/// <summary>
/// A monitor's one trigger as Quartz drives it (the calls its job store makes on a fire and on a late fire), with the
/// scheduler's clock held still: the probe made at once comes first, then the monitor's phase; a late first probe is
/// still made, and phase slots missed are skipped rather than made up.
/// </summary>
public sealed class PhaseTriggerTests
{
    private const int MonitorId = 7;
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(60);

    [Fact]
    public void A_monitor_probed_at_once_is_probed_next_on_its_phase()
    {
        var clock = new ManualTimeProvider();
        var now = clock.GetUtcNow();
        var phase = ProbeSchedule.FirstFireAfterProbeNow(MonitorId, 60, now);
        var trigger = new PhaseTrigger(ProbeJobKeys.Trigger(MonitorId, 1), phase, Interval, probeFirstAt: now, clock);

        Assert.Equal(now, trigger.ComputeFirstFireTimeUtc(null));
        trigger.Triggered(null);
        Assert.Equal(phase, trigger.NextFireTimeUtc);
        trigger.Triggered(null);
        Assert.Equal(phase + Interval, trigger.NextFireTimeUtc);
    }

    [Fact]
    public void A_late_probe_at_once_is_still_made_and_missed_phase_slots_are_skipped()
    {
        var clock = new ManualTimeProvider();
        var probeAt = clock.GetUtcNow();
        var phase = ProbeSchedule.FirstFireAfterProbeNow(MonitorId, 60, probeAt);
        var trigger = new PhaseTrigger(ProbeJobKeys.Trigger(MonitorId, 1), phase, Interval, probeAt, clock);
        trigger.ComputeFirstFireTimeUtc(null);

        // The scheduler reaches the first probe 20 s late: it fires now, once.
        clock.Advance(TimeSpan.FromSeconds(20));
        trigger.UpdateAfterMisfire(null);
        Assert.Equal(clock.GetUtcNow(), trigger.NextFireTimeUtc);
        trigger.Triggered(null);
        Assert.Equal(phase, trigger.NextFireTimeUtc);

        // Then it stalls for three and a half intervals past the phase's start: the next fire is the next slot, no burst.
        clock.Advance(phase - clock.GetUtcNow() + 3.5 * Interval);
        trigger.UpdateAfterMisfire(null);
        Assert.Equal(phase + 4 * Interval, trigger.NextFireTimeUtc);
    }

    [Fact]
    public void The_trigger_name_carries_the_monitor_and_host()
    {
        Assert.True(ProbeJobKeys.TryParse(ProbeJobKeys.Trigger(123_456, 9), out var monitorId, out var hostId));
        Assert.Equal((123_456, 9), (monitorId, hostId));
        Assert.False(ProbeJobKeys.TryParse(new Quartz.TriggerKey("reconcile", "housekeeping"), out _, out _));
    }
}
