using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Ui;

namespace ProbeDashboard.Monitors;

/// <summary>What a <see cref="MonitorService"/> command's result means to the page that asked for it.</summary>
public static class MonitorOutcomes
{
    public static CommandOutcome Saved(MonitorSaveResult result) =>
        result.NotFound ? new CommandOutcome(false, "ProblemNotFound")
        : result.Errors.Count > 0 ? new CommandOutcome(false, "ProblemInvalid", result.Errors)
        : CommandOutcome.Done;

    public static CommandOutcome Found(bool found) => found ? CommandOutcome.Done : new CommandOutcome(false, "ProblemNotFound");
}
