using ProbeDashboard.Ui;
using Microsoft.Extensions.Localization;
using ProbeDashboard.Core.Alerts.Engine;
using ProbeDashboard.Resources;

namespace ProbeDashboard.Alerts;

/// <summary>What an operator reads when an alert command fails: the engine's own words for a conflict.</summary>
public static class AlertOutcomeText
{
    public static string Of(IStringLocalizer<UiText> text, CommandOutcome outcome) =>
        outcome.Errors.Values.SelectMany(v => v).FirstOrDefault() ?? text[outcome.Message ?? "SaveFailed"];

    /// <summary>Runs an alert event command for a page; a refusal of the circuit's actor reads "AlertProblemForbidden".</summary>
    public static Task<CommandOutcome> RunAsync(Func<Task<AlertCommandResult>> command) =>
        CommandOutcome.RunAsync(async () => Outcome(await command()), "AlertProblemForbidden");

    /// <summary>One outcome per result, for bulk commands; a refusal refuses them all.</summary>
    public static async Task<IReadOnlyList<CommandOutcome>> RunManyAsync(int count, Func<Task<IReadOnlyList<AlertCommandResult>>> command)
    {
        var outcomes = new List<CommandOutcome>();
        var all = await CommandOutcome.RunAsync(async () =>
        {
            outcomes.AddRange((await command()).Select(Outcome));
            return CommandOutcome.Done;
        }, "AlertProblemForbidden");
        return all.Succeeded ? outcomes : Enumerable.Repeat(all, count).ToList();
    }

    /// <summary>The engine's conflict message ("alert event 5 is resolved") is shown as it is.</summary>
    private static CommandOutcome Outcome(AlertCommandResult result) => result.Outcome switch
    {
        AlertCommandOutcome.Done => CommandOutcome.Done,
        AlertCommandOutcome.NotFound => new CommandOutcome(false, "AlertProblemNotFound"),
        AlertCommandOutcome.Invalid => result.Field switch
        {
            "note" => new CommandOutcome(false, "AlertNoteTooLong"),
            "duration" => new CommandOutcome(false, "AlertSilenceOutOfRange"),
            var field => new CommandOutcome(false, "ProblemInvalid", new Dictionary<string, string[]> { [field ?? "event"] = [result.Message] }),
        },
        _ => new CommandOutcome(false, "AlertConflict", new Dictionary<string, string[]> { ["event"] = [result.Message] }),
    };
}
