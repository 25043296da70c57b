using ProbeDashboard.Core.Access;

namespace ProbeDashboard.Ui;

/// <summary>Outcome of a change made from the UI; <see cref="Message"/> is a UiText key.</summary>
public sealed record CommandOutcome(bool Succeeded, string? Message = null, IReadOnlyDictionary<string, string[]>? FieldErrors = null)
{
    private static readonly IReadOnlyDictionary<string, string[]> None = new Dictionary<string, string[]>();

    public IReadOnlyDictionary<string, string[]> Errors => FieldErrors ?? None;

    public static readonly CommandOutcome Done = new(true);

    /// <summary>
    /// Runs a Core command for a page. The Core service authorizes the circuit's actor; its refusal (a control the
    /// page hid, called anyway from a tampered circuit, or a role changed meanwhile) becomes the outcome the page
    /// shows under <paramref name="forbiddenMessage"/>.
    /// </summary>
    public static async Task<CommandOutcome> RunAsync(Func<Task<CommandOutcome>> command, string forbiddenMessage = "ProblemForbidden")
    {
        try
        {
            return await command();
        }
        catch (AccessDeniedException)
        {
            return new CommandOutcome(false, forbiddenMessage);
        }
    }
}
