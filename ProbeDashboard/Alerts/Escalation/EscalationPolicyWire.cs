using ProbeDashboard.Core.Alerts.Escalation;

namespace ProbeDashboard.Alerts.Escalation;

/// <param name="AfterSeconds">Seconds after the previous step was sent; for the first step, after the event fired (usually 0).
/// Every later step: at least Alerts:MinEscalationSeconds.</param>
public sealed record EscalationStepWire(int? AfterSeconds, List<int>? NotificationGroupIds);

/// <summary>
/// Body of POST and PUT /api/v1/escalation-policies. <c>repeat</c>: how many more times the last step is sent, each its
/// after_seconds after the one before (default 0). <c>stop_on_acknowledge</c> (default true): acknowledging an event
/// cancels its steps still due and tells the groups already notified who acknowledged it.
/// </summary>
public sealed record EscalationPolicyRequest(string? Name, List<EscalationStepWire?>? Steps, int? Repeat = null, bool? StopOnAcknowledge = null)
{
    public EscalationPolicyInput ToInput() =>
        new(Name, Steps?.Select(s => s is null ? null : new EscalationStepInput(s.AfterSeconds, s.NotificationGroupIds)).ToList(), Repeat, StopOnAcknowledge);
}

public sealed record EscalationPolicyResponse(int Id, string Name, IReadOnlyList<EscalationStepWire> Steps, int Repeat, bool StopOnAcknowledge,
    DateTime CreatedAt, DateTime UpdatedAt)
{
    public static EscalationPolicyResponse Of(EscalationPolicy p) => new(
        p.Id, p.Name, [.. p.Steps.Select(s => new EscalationStepWire(s.AfterSeconds, s.NotificationGroupIds))], p.Repeat, p.StopOnAcknowledge,
        p.CreatedAt, p.UpdatedAt);
}
