using ProbeDashboard.Auth;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.StatusPages;
using ProbeDashboard.Ui;

namespace ProbeDashboard.StatusPages.Ui;

/// <summary>The pages' reading of a status page command: its outcome as a UiText key, a refusal as "StatusPagesForbidden".</summary>
public static class StatusPageOutcomes
{
    public static Task<CommandOutcome> RunAsync(Func<Actor, Task<StatusPageResult>> command, CircuitActor circuit) =>
        CommandOutcome.RunAsync(async () => Of(await command(await circuit.GetAsync())), "StatusPagesForbidden");

    private static CommandOutcome Of(StatusPageResult result) => result.Outcome switch
    {
        StatusPageOutcome.Done => CommandOutcome.Done,
        StatusPageOutcome.Invalid => new CommandOutcome(false, "ProblemInvalid", result.Errors),
        StatusPageOutcome.NotFound => new CommandOutcome(false, "StatusPageNotFound"),
        _ => new CommandOutcome(false, "StatusPageConflict", new Dictionary<string, string[]> { ["slug"] = [result.Message] }),
    };
}
