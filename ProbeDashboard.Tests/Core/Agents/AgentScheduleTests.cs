using ProbeDashboard.Core.Agents.Protocol;
using ProbeDashboard.Core.Agents.Runtime;
using ProbeDashboard.Core.Probing;

namespace ProbeDashboard.Tests.Core.Agents;

public class AgentScheduleTests
{
    private static readonly DateTimeOffset Now = new(2025, 10, 7, 10, 0, 0, TimeSpan.Zero);

    private static AgentTask Task(int id, int interval) => new(id, $"m{id}", 2, "127.0.0.1:9", interval, 1, 0, null);

    private static List<(int Id, DateTimeOffset At)> Run(AgentSchedule schedule, TimeSpan span)
    {
        var fired = new List<(int, DateTimeOffset)>();
        for (var t = Now; t <= Now + span; t += TimeSpan.FromMilliseconds(100))
            fired.AddRange(schedule.TakeDue(t).Select(task => (task.Id, t)));
        return fired;
    }

    [Fact]
    public void Each_task_fires_once_per_interval_at_the_servers_phase()
    {
        var schedule = new AgentSchedule();
        schedule.Replace([Task(1, 5), Task(2, 10)], Now);

        var fired = Run(schedule, TimeSpan.FromSeconds(60));
        Assert.InRange(fired.Count(f => f.Id == 1), 12, 13);
        Assert.InRange(fired.Count(f => f.Id == 2), 6, 7);
        var first = fired.First(f => f.Id == 2).At;
        Assert.True(first >= ProbeSchedule.FirstFireAt(2, 10, Now) && first < ProbeSchedule.FirstFireAt(2, 10, Now).AddMilliseconds(100));
    }

    [Fact]
    public void Removed_tasks_stop_and_changed_ones_take_their_new_interval()
    {
        var schedule = new AgentSchedule();
        schedule.Replace([Task(1, 5), Task(2, 5)], Now);
        schedule.Replace([Task(1, 20)], Now);

        var fired = Run(schedule, TimeSpan.FromSeconds(60));
        Assert.DoesNotContain(fired, f => f.Id == 2);
        Assert.InRange(fired.Count(f => f.Id == 1), 3, 4);
    }

    [Fact]
    public void A_long_pause_does_not_cause_a_burst_of_missed_rounds()
    {
        var schedule = new AgentSchedule();
        schedule.Replace([Task(1, 5)], Now);
        schedule.TakeDue(Now + TimeSpan.FromSeconds(5));

        var late = schedule.TakeDue(Now + TimeSpan.FromMinutes(10));
        Assert.Single(late);
        Assert.Empty(schedule.TakeDue(Now + TimeSpan.FromMinutes(10) + TimeSpan.FromMilliseconds(500)));
    }

    [Fact]
    public void A_task_added_or_retargeted_after_start_is_probed_at_once_then_on_its_phase()
    {
        var schedule = new AgentSchedule();
        schedule.Replace([Task(1, 60)], Now);
        var later = Now + TimeSpan.FromSeconds(7);
        schedule.Replace([Task(1, 60), Task(2, 60)], later);

        Assert.Equal([2], schedule.TakeDue(later).Select(t => t.Id));
        var fired = Run(schedule, TimeSpan.FromMinutes(3)).Where(f => f.Id == 2).ToList();
        var firstOnPhase = ProbeSchedule.FirstFireAfterProbeNow(2, 60, later);
        Assert.True(firstOnPhase >= later.AddSeconds(45), "the phase starts at least 3/4 of an interval after the probe made at once");
        Assert.True(fired[0].At >= firstOnPhase && fired[0].At < firstOnPhase.AddMilliseconds(100));
        Assert.All(fired.Zip(fired.Skip(1)), pair => Assert.Equal(TimeSpan.FromSeconds(60), pair.Second.At - pair.First.At));

        var moved = Now + TimeSpan.FromMinutes(4);
        schedule.Replace([Task(1, 60) with { Target = "127.0.0.1:10" }, Task(2, 60)], moved);
        Assert.Contains(1, schedule.TakeDue(moved).Select(t => t.Id));
    }
}
