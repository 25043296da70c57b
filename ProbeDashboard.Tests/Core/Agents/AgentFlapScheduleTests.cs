using System.Text.Json;
using ProbeDashboard.Core.Agents;
using ProbeDashboard.Core.Agents.Protocol;
using ProbeDashboard.Core.Agents.Runtime;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Probing;

namespace ProbeDashboard.Tests.Core.Agents;

/// <summary>
/// Flap control on the agent's own schedule: after a failed round a task with a retry_interval fires at that rhythm,
/// on the phase the server's round tracker expects, until a round passes or fail_threshold is reached.
/// </summary>
public class AgentFlapScheduleTests
{
    private static readonly DateTimeOffset Now = new(2025, 10, 7, 10, 0, 0, TimeSpan.Zero);

    private static AgentTask Task(int id, int interval, int? retry, int threshold) =>
        new(id, $"m{id}", 2, "127.0.0.1:9", interval, 1, 0, null, RetryInterval: retry, FailThreshold: threshold);

    /// <summary>Runs the schedule in 100 ms steps; every fired round is reported with <paramref name="passes"/>' verdict.</summary>
    private static List<DateTimeOffset> Run(AgentSchedule schedule, DateTimeOffset from, TimeSpan span, Func<int, bool> passes)
    {
        var fired = new List<DateTimeOffset>();
        for (var t = from; t <= from + span; t += TimeSpan.FromMilliseconds(100))
            foreach (var task in schedule.TakeDue(t))
            {
                fired.Add(t);
                schedule.Report(task.Id, passes(fired.Count), t);
            }
        return fired;
    }

    [Fact]
    public void A_failing_task_is_retried_at_its_retry_interval_until_the_threshold_then_waits_its_interval()
    {
        var schedule = new AgentSchedule();
        schedule.Replace([Task(7, 3600, 10, 3)], Now);
        var first = ProbeSchedule.FirstFireAt(7, 3600, Now);

        var fired = Run(schedule, Now, first - Now + TimeSpan.FromMinutes(30), _ => false);

        Assert.Equal(3, fired.Count);
        Assert.InRange(fired[0], first, first.AddMilliseconds(100));
        var retry = ProbeSchedule.FirstFireAfterProbeNow(7, 10, fired[0]);
        Assert.InRange(fired[1], retry, retry.AddMilliseconds(100));
        Assert.Equal(TimeSpan.FromSeconds(10), fired[2] - fired[1]);
        Assert.Equal(3600, schedule.RhythmOf(7));
    }

    [Fact]
    public void A_passing_round_while_retrying_brings_the_task_back_to_its_interval()
    {
        var schedule = new AgentSchedule();
        schedule.Replace([Task(7, 600, 5, 5)], Now);
        var first = ProbeSchedule.FirstFireAt(7, 600, Now);

        // Round 1 fails, round 2 (the first retry) passes.
        var fired = Run(schedule, Now, first - Now + TimeSpan.FromMinutes(20), round => round >= 2);

        Assert.Equal(3, fired.Count);
        Assert.True(fired[1] - fired[0] < TimeSpan.FromSeconds(10), "the retry comes at the 5 s rhythm");
        var back = ProbeSchedule.FirstFireAfterProbeNow(7, 600, fired[1]);
        Assert.InRange(fired[2], back, back.AddMilliseconds(100));
        Assert.Equal(600, schedule.RhythmOf(7));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(600)]
    public void Without_a_shorter_retry_interval_a_failing_task_keeps_its_interval(int? retry)
    {
        var schedule = new AgentSchedule();
        schedule.Replace([Task(3, 60, retry, 3)], Now);

        var fired = Run(schedule, Now, TimeSpan.FromMinutes(5), _ => false);

        Assert.InRange(fired.Count, 4, 5);
        Assert.All(fired.Zip(fired.Skip(1)), pair => Assert.Equal(TimeSpan.FromSeconds(60), pair.Second - pair.First));
    }

    [Fact]
    public void A_retry_interval_set_later_applies_from_the_next_round_without_a_probe_at_once()
    {
        var schedule = new AgentSchedule();
        schedule.Replace([Task(4, 300, null, 3)], Now);
        var later = Now.AddSeconds(1);
        schedule.Replace([Task(4, 300, 15, 3)], later);
        Assert.Empty(schedule.TakeDue(later));

        var fired = Run(schedule, later, TimeSpan.FromMinutes(6), _ => false);

        Assert.Equal(TimeSpan.FromSeconds(15), fired[2] - fired[1]);
    }

    [Fact]
    public void The_task_list_carries_retry_interval_and_fail_threshold_to_the_agent()
    {
        var monitor = new MonitorDefinition
        {
            Id = 9, Name = "flappy", Kind = MonitorKind.Tcp, Target = "127.0.0.1:9", IntervalSeconds = 300, RetryIntervalSeconds = 20, FailThreshold = 4,
        };
        var json = JsonSerializer.Serialize(AgentTaskCatalog.ToTask(monitor), AgentJson.Options);
        var task = JsonSerializer.Deserialize<AgentTask>(json, AgentJson.Options)!;

        Assert.Contains("\"retryInterval\":20", json);
        var probed = AgentTaskCatalog.ToMonitor(task);
        Assert.Equal((20, 4), (probed.RetryIntervalSeconds, probed.FailThreshold));
    }
}
