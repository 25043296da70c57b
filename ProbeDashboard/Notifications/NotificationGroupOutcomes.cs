using ProbeDashboard.Auth;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Notifications;
using ProbeDashboard.Ui;

namespace ProbeDashboard.Notifications;

/// <summary>The pages' reading of a notification group command: its outcome as a UiText key, a refusal as "AlertRulesForbidden".</summary>
public static class NotificationGroupOutcomes
{
    public static Task<CommandOutcome> RunAsync(Func<Actor, Task<GroupChangeResult>> command, CircuitActor circuit) =>
        CommandOutcome.RunAsync(async () => Of(await command(await circuit.GetAsync())), "AlertRulesForbidden");

    private static CommandOutcome Of(GroupChangeResult result) => result.Outcome switch
    {
        GroupChangeOutcome.Done => CommandOutcome.Done,
        GroupChangeOutcome.Invalid => new CommandOutcome(false, "ProblemInvalid", result.Errors),
        GroupChangeOutcome.NotFound => new CommandOutcome(false, "NotificationGroupNotFound"),
        _ => new CommandOutcome(false, "AlertConflict", new Dictionary<string, string[]> { ["group"] = [result.Message] }),
    };
}
