using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Probing;

namespace ProbeDashboard.Tests.Core.Probing;

/// <summary>The start-up rebuild's plan for rounds missed while the server was down (a restart after kill -9).</summary>
public class StartupCatchUpTests
{
    private static readonly DateTimeOffset Restart = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    private static MonitorDefinition Monitor(int id, int intervalSeconds, DateTimeOffset? lastProbeAt)
    {
        var monitor = new MonitorDefinition { Id = id, Name = $"m{id}", Target = "http://127.0.0.1/ok", IntervalSeconds = intervalSeconds };
        monitor.Current.LastProbeAt = lastProbeAt?.UtcDateTime;
        return monitor;
    }

    /// <summary>5,000 monitors at 60 s, last probed at their phase slots before a stop of <paramref name="downSeconds"/>.</summary>
    private static List<MonitorDefinition> ProbedOnPhaseThenStopped(int downSeconds) =>
        [.. Enumerable.Range(1, 5_000).Select(id =>
        {
            var slot = ProbeSchedule.FirstFireAt(id, 60, Restart - TimeSpan.FromSeconds(downSeconds + 60));
            var lastBeforeStop = slot + TimeSpan.FromSeconds(60) <= Restart - TimeSpan.FromSeconds(downSeconds) ? slot + TimeSpan.FromSeconds(60) : slot;
            return Monitor(id, 60, lastBeforeStop + TimeSpan.FromMilliseconds(5));
        })];

    /// <summary>The monitor's phase slot <paramref name="intervalsBack"/> whole intervals before the last slot ahead of the restart.</summary>
    private static DateTimeOffset Slot(int id, int intervalsBack) =>
        ProbeSchedule.FirstFireAt(id, 60, Restart) - TimeSpan.FromSeconds(60 * intervalsBack);

    [Fact]
    public void Only_monitors_whose_next_slot_passed_while_the_server_was_down_catch_up()
    {
        // Probed at its last slot before the stop: the next one is still ahead.
        var fresh = Monitor(1, 60, Slot(1, 1) + TimeSpan.FromMilliseconds(5));
        // Probed two slots back: the slot after that fell while the server was down.
        var missed = Monitor(2, 60, Slot(2, 2) + TimeSpan.FromMilliseconds(5));
        var neverProbed = Monitor(3, 60, null);
        // Probed at once 70 s ago (created then): more than an interval ago, but its first slot after that
        // (3/4 to 7/4 of an interval after the probe, restart or not) is still ahead, so it missed nothing.
        var probedAtOnce = Monitor(5, 60, Restart - TimeSpan.FromSeconds(70));
        Assert.True(ProbeSchedule.FirstFireAfterProbeNow(5, 60, Restart - TimeSpan.FromSeconds(70)) > Restart);

        var plan = StartupCatchUp.Plan([fresh, missed, neverProbed, probedAtOnce], Restart);

        Assert.Equal([2, 3], plan.Keys.Order());
    }

    /// <summary>
    /// A node joining a running cluster (#15's SharedProbingTests): its peers probed every monitor at its last slot, so
    /// with a 2 s interval every next slot lies within 2 s of the join. None of them is missed: had they been caught up,
    /// the node would have started its repeating triggers only after a 10 s catch-up window, and the rounds it owned
    /// meanwhile went unprobed (a fifth of all rounds with three nodes).
    /// </summary>
    [Fact]
    public void A_node_joining_a_running_cluster_catches_nothing_up_and_takes_its_rounds_at_their_next_slots()
    {
        var monitors = Enumerable.Range(1, 20).Select(id =>
        {
            var lastSlot = ProbeSchedule.FirstFireAt(id, 2, Restart) - TimeSpan.FromSeconds(2);
            return Monitor(id, 2, lastSlot + TimeSpan.FromMilliseconds(5));
        }).ToList();

        Assert.Empty(StartupCatchUp.Plan(monitors, Restart));
        Assert.All(monitors, m => Assert.Equal(ProbeSchedule.FirstFireAt(m.Id, 2, Restart), StartupCatchUp.PhaseFrom(m, Restart)));
    }

    /// <summary>
    /// The bench's restart (#19's 104 s gap): 5,000 monitors created over 13 s, each probed at once, killed 67 s after
    /// the last create. About half had not reached their first slot yet, so their last probe was the one at creation,
    /// more than an interval old; counted as missed, they stretched the catch-up window to 30 s (the steady-rate cap) and
    /// the last of them waited 100 s. Their slots are still ahead: only the rounds that fell in the 3 s stop catch up.
    /// </summary>
    [Fact]
    public void Monitors_created_just_before_a_stop_wait_for_their_first_slot_and_do_not_stretch_the_catch_up()
    {
        var killedAt = Restart - TimeSpan.FromSeconds(3);
        var monitors = Enumerable.Range(1, 5_000).Select(id =>
        {
            var createdAt = Restart - TimeSpan.FromSeconds(83) + TimeSpan.FromMilliseconds(id * 13_000L / 5_000);
            var firstSlot = ProbeSchedule.FirstFireAfterProbeNow(id, 60, createdAt);
            return Monitor(id, 60, firstSlot < killedAt ? firstSlot + TimeSpan.FromMilliseconds(5) : createdAt);
        }).ToList();
        Assert.True(monitors.Count(m => m.Current.LastProbeAt < (Restart - TimeSpan.FromSeconds(60)).UtcDateTime) > 1_000);

        var plan = StartupCatchUp.Plan(monitors, Restart);

        // The slots of the stop's 3 s: about 250 of 5,000 monitors at 60 s.
        Assert.InRange(plan.Count, 150, 400);
        Assert.True(plan.Values.Max() < Restart + StartupCatchUp.Lead + StartupCatchUp.Window);
    }

    [Fact]
    public void Rounds_missed_during_a_short_stop_are_spread_over_the_window_not_due_in_one_instant()
    {
        var monitors = ProbedOnPhaseThenStopped(downSeconds: 5);

        var plan = StartupCatchUp.Plan(monitors, Restart);

        // About 5 s of 60 s worth of monitors missed their slot while the server was down.
        Assert.InRange(plan.Count, 350, 500);
        var times = plan.Values.Order().ToList();
        Assert.Equal(plan.Count, times.Distinct().Count());
        Assert.True(times[0] >= Restart + StartupCatchUp.Lead);
        Assert.True(times[^1] < Restart + StartupCatchUp.Lead + StartupCatchUp.Window);
        // Evenly: no second of the window holds more than its share (plus one for rounding).
        var perSecond = times.GroupBy(t => (int)(t - Restart).TotalSeconds).Select(g => g.Count());
        Assert.All(perSecond, count => Assert.True(count <= plan.Count / StartupCatchUp.Window.TotalSeconds + 1, $"{count} in one second"));
    }

    [Fact]
    public void After_a_long_stop_catching_up_is_never_faster_than_the_steady_rate()
    {
        var monitors = ProbedOnPhaseThenStopped(downSeconds: 600);

        var plan = StartupCatchUp.Plan(monitors, Restart);

        Assert.Equal(monitors.Count, plan.Count);
        var times = plan.Values.Order().ToList();
        // 5,000 at 60 s is 83 a second in steady state: the catch-ups take the whole interval, not 10 s.
        Assert.True(times[^1] - times[0] >= TimeSpan.FromSeconds(59), $"spread over {times[^1] - times[0]}");
        Assert.All(times.GroupBy(t => (int)(t - Restart).TotalSeconds), g => Assert.True(g.Count() <= 84, $"{g.Count()} in second {g.Key}"));
    }

    [Fact]
    public void The_longest_waiting_monitor_catches_up_first_and_each_then_returns_to_its_phase()
    {
        var older = Monitor(7, 60, Restart - TimeSpan.FromMinutes(10));
        var newer = Monitor(8, 60, Restart - TimeSpan.FromSeconds(90));

        var plan = StartupCatchUp.Plan([newer, older], Restart);

        Assert.True(plan[7] < plan[8]);
        var phase = ProbeSchedule.FirstFireAfterProbeNow(8, 60, plan[8]);
        Assert.True(phase - plan[8] >= TimeSpan.FromSeconds(45));
        Assert.Equal(ProbeSchedule.OffsetMs(8, 60), phase.ToUnixTimeMilliseconds() % 60_000);
    }
}
