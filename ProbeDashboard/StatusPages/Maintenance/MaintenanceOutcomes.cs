using ProbeDashboard.Auth;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Maintenance;
using ProbeDashboard.Ui;

namespace ProbeDashboard.StatusPages.Maintenance;

/// <summary>The UI's reading of a maintenance window command: its outcome as a UiText key, a refusal as "MaintenanceForbidden".</summary>
public static class MaintenanceOutcomes
{
    public static Task<CommandOutcome> RunAsync(Func<Actor, Task<MaintenanceResult>> command, CircuitActor circuit) =>
        CommandOutcome.RunAsync(async () => Of(await command(await circuit.GetAsync())), "MaintenanceForbidden");

    private static CommandOutcome Of(MaintenanceResult result) => result.Outcome switch
    {
        MaintenanceOutcome.Done => CommandOutcome.Done,
        MaintenanceOutcome.Invalid => new CommandOutcome(false, "ProblemInvalid", result.Errors),
        _ => new CommandOutcome(false, "MaintenanceNotFound"),
    };
}
