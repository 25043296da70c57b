using ProbeDashboard.Core.Alerts.Escalation;

namespace ProbeDashboard.Alerts.Escalation.Ui;

/// <summary>What the policy dialog edits; becomes Core's <see cref="EscalationPolicyInput"/>, validated as the API's is.</summary>
public sealed class EscalationPolicyForm
{
    public string Name { get; set; } = "";
    /// <summary>In order; a new policy starts with one step sent at once.</summary>
    public List<StepRow> Steps { get; set; } = [new()];
    public int Repeat { get; set; }
    public bool StopOnAcknowledge { get; set; } = true;

    /// <summary>One step. A new step after the first waits five minutes: a useful default above any sane Alerts:MinEscalationSeconds.</summary>
    public sealed class StepRow
    {
        public int AfterSeconds { get; set; }
        public IReadOnlyCollection<int> GroupIds { get; set; } = [];
    }

    public void AddStep() => Steps.Add(new StepRow { AfterSeconds = Steps.Count == 0 ? 0 : 300 });

    public void RemoveStep(int index) => Steps.RemoveAt(index);

    /// <summary>Swaps step <paramref name="index"/> with its neighbour <paramref name="by"/> places away (-1 up, +1 down); out of range does nothing.</summary>
    public void MoveStep(int index, int by)
    {
        var other = index + by;
        if (index < 0 || index >= Steps.Count || other < 0 || other >= Steps.Count) return;
        (Steps[index], Steps[other]) = (Steps[other], Steps[index]);
    }

    public static EscalationPolicyForm Of(EscalationPolicy policy) => new()
    {
        Name = policy.Name,
        Steps = [.. policy.Steps.Select(s => new StepRow { AfterSeconds = s.AfterSeconds, GroupIds = s.NotificationGroupIds.ToList() })],
        Repeat = policy.Repeat,
        StopOnAcknowledge = policy.StopOnAcknowledge,
    };

    public EscalationPolicyInput ToInput() =>
        new(Name, [.. Steps.Select(s => new EscalationStepInput(s.AfterSeconds, s.GroupIds.ToList()))], Repeat, StopOnAcknowledge);
}
