using ProbeDashboard.Auth;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Alerts.Escalation;
using ProbeDashboard.Ui;

namespace ProbeDashboard.Alerts.Escalation.Ui;

/// <summary>The pages' reading of an escalation policy command: its outcome as a UiText key, a refusal as "AlertRulesForbidden".</summary>
public static class EscalationOutcomes
{
    public static Task<CommandOutcome> RunAsync(Func<Actor, Task<EscalationChangeResult>> command, CircuitActor circuit) =>
        CommandOutcome.RunAsync(async () => Of(await command(await circuit.GetAsync())), "AlertRulesForbidden");

    /// <summary>A conflict (name taken, policy in use) carries the Core's own words under "policy".</summary>
    private static CommandOutcome Of(EscalationChangeResult result) => result.Outcome switch
    {
        EscalationChangeOutcome.Done => CommandOutcome.Done,
        EscalationChangeOutcome.Invalid => new CommandOutcome(false, "ProblemInvalid", result.Errors),
        EscalationChangeOutcome.NotFound => new CommandOutcome(false, "EscalationPolicyNotFound"),
        _ => new CommandOutcome(false, "AlertConflict", new Dictionary<string, string[]> { ["policy"] = [result.Message] }),
    };
}
