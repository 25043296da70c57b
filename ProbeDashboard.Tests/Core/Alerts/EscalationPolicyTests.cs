using ProbeDashboard.Core.Alerts.Escalation;

namespace ProbeDashboard.Tests.Core.Alerts;

public class EscalationPolicyTests
{
    private static EscalationPolicy Policy(int repeat) => new()
    {
        Steps = [new EscalationStep(0, [1]), new EscalationStep(300, [2]), new EscalationStep(600, [3])],
        Repeat = repeat,
    };

    [Theory]
    [InlineData(0, 0, 1)]
    [InlineData(0, 2, 3)]
    [InlineData(2, 3, 3)]
    [InlineData(2, 4, 3)]
    public void Notices_run_through_the_steps_then_repeat_the_last_one(int repeat, int sequence, int step)
    {
        var notice = Policy(repeat).NoticeAt(sequence);
        Assert.Equal(step, notice!.Value.StepNumber);
        Assert.Equal([step], notice.Value.Step.NotificationGroupIds);
    }

    [Theory]
    [InlineData(0, 3)]
    [InlineData(2, 5)]
    [InlineData(0, -1)]
    public void There_is_no_notice_past_the_last_repeat(int repeat, int sequence) =>
        Assert.Null(Policy(repeat).NoticeAt(sequence));

    [Fact]
    public void The_first_step_may_be_immediate_but_later_ones_and_a_repeated_one_wait_at_least_the_minimum()
    {
        var ok = new EscalationPolicyInput("p", [new EscalationStepInput(0, [1]), new EscalationStepInput(60, [2])], Repeat: 1);
        Assert.Empty(ok.Validate(minSeconds: 60));
        Assert.Contains("steps[1].after_seconds", (ok with { Steps = [new EscalationStepInput(0, [1]), new EscalationStepInput(59, [2])] }).Validate(60).Keys);
        Assert.Contains("repeat", new EscalationPolicyInput("p", [new EscalationStepInput(0, [1])], Repeat: 1).Validate(60).Keys);
        Assert.Empty(new EscalationPolicyInput("p", [new EscalationStepInput(0, [1]), new EscalationStepInput(1, [2])]).Validate(minSeconds: 1));
    }

    [Fact]
    public void Describe_names_every_step_and_setting_for_the_audit_log() =>
        Assert.Equal("0 s → #1; 300 s → #2; 600 s → #3; repeat 2; stops on acknowledge", EscalationPolicyInput.Describe(Policy(2)));
}
