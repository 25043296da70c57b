namespace ProbeDashboard.Core.ConfigTransfer;

public enum ImportOutcome { Created, Updated, Unchanged, Invalid }

/// <summary>
/// What a service's import command did with one item of a configuration file; <see cref="Field"/> and
/// <see cref="Problem"/> say why it was refused.
/// </summary>
public sealed record ImportItemResult(ImportOutcome Outcome, string? Field = null, string? Problem = null)
{
    public static ImportItemResult Refused(string? field, string problem) => new(ImportOutcome.Invalid, field, problem);
}
