using ProbeDashboard.Auth;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.StatusPages.Incidents;
using ProbeDashboard.Ui;

namespace ProbeDashboard.StatusPages.Incidents;

/// <summary>The UI's reading of an incident command: its outcome as a UiText key, a refusal as "StatusPagesForbidden".</summary>
public static class IncidentOutcomes
{
    public static Task<CommandOutcome> RunAsync(Func<Actor, Task<IncidentResult>> command, CircuitActor circuit) =>
        CommandOutcome.RunAsync(async () => Of(await command(await circuit.GetAsync())), "StatusPagesForbidden");

    private static CommandOutcome Of(IncidentResult result) => result.Outcome switch
    {
        IncidentOutcome.Done => CommandOutcome.Done,
        IncidentOutcome.Invalid => new CommandOutcome(false, "ProblemInvalid", result.Errors),
        _ => new CommandOutcome(false, "IncidentNotFound"),
    };
}
