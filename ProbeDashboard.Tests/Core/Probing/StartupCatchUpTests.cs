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

    [Fact]
    public void Only_monitors_without_a_probe_for_a_whole_interval_catch_up()
    {
        var fresh = Monitor(1, 60, Restart - TimeSpan.FromSeconds(59));
        var missed = Monitor(2, 60, Restart - TimeSpan.FromSeconds(61));
        var neverProbed = Monitor(3, 60, null);

        var plan = StartupCatchUp.Plan([fresh, missed, neverProbed], Restart);

        Assert.Equal([2, 3], plan.Keys.Order());
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
