using ProbeDashboard.Auth;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Ui;

namespace ProbeDashboard.Alerts.Rules;

/// <summary>The pages' reading of an alert rule command: its outcome as a UiText key, a refusal as "AlertRulesForbidden".</summary>
public static class AlertRuleOutcomes
{
    public static Task<CommandOutcome> SaveAsync(Func<Actor, Task<AlertRuleSaveResult>> command, CircuitActor circuit) =>
        CommandOutcome.RunAsync(async () => Of(await command(await circuit.GetAsync())), "AlertRulesForbidden");

    public static Task<CommandOutcome> DeleteAsync(Func<Actor, Task<bool>> command, CircuitActor circuit) =>
        CommandOutcome.RunAsync(async () => await command(await circuit.GetAsync())
            ? CommandOutcome.Done : new CommandOutcome(false, "AlertRuleNotFound"), "AlertRulesForbidden");

    private static CommandOutcome Of(AlertRuleSaveResult saved) => saved.Outcome switch
    {
        AlertRuleSaveOutcome.Saved => CommandOutcome.Done,
        AlertRuleSaveOutcome.NotFound => new CommandOutcome(false, "AlertRuleNotFound"),
        _ => new CommandOutcome(false, "ProblemInvalid", saved.Errors),
    };
}
