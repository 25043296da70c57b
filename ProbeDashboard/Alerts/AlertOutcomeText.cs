using ProbeDashboard.Ui;
using Microsoft.Extensions.Localization;
using ProbeDashboard.Monitors;
using ProbeDashboard.Resources;

namespace ProbeDashboard.Alerts;

/// <summary>What an operator reads when an alert command fails: the engine's own words for a conflict.</summary>
public static class AlertOutcomeText
{
    public static string Of(IStringLocalizer<UiText> text, CommandOutcome outcome) =>
        outcome.Errors.Values.SelectMany(v => v).FirstOrDefault() ?? text[outcome.Message ?? "SaveFailed"];
}
