using ProbeDashboard.Core.Accounts.TwoFactor;
using ProbeDashboard.Core.Users;
using ProbeDashboard.Ui;

namespace ProbeDashboard.Users;

/// <summary>What the Users page makes of the user service's answers.</summary>
public static class UserOutcomes
{
    /// <summary>
    /// Field errors stay on their fields (keyed as on the wire: username, password); a refusal without fields
    /// (a taken name, the last administrator) becomes the outcome's message, a UiText key.
    /// </summary>
    public static CommandOutcome From(UserChangeResult result) => result.Failure switch
    {
        UserChangeFailure.None => CommandOutcome.Done,
        UserChangeFailure.NotFound => new CommandOutcome(false, "ProblemNotFound"),
        UserChangeFailure.Conflict => new CommandOutcome(false, ConflictKey(result.Message)),
        _ => new CommandOutcome(false, null, result.Errors),
    };

    /// <summary>A 2FA reset: only a user gone meanwhile or a concurrent change can stop it.</summary>
    public static CommandOutcome From(TwoFactorResult result) => result.Failure switch
    {
        TwoFactorFailure.None => CommandOutcome.Done,
        TwoFactorFailure.NotFound => new CommandOutcome(false, "ProblemNotFound"),
        _ => new CommandOutcome(false, "UsersChangedMeanwhile"),
    };

    // The service words its conflicts for the API; the UI has its own sentences for the ones it can meet.
    private static string ConflictKey(string message) =>
        message.Contains("last active administrator", StringComparison.Ordinal) ? "UsersLastAdmin" : "UsersNameTaken";
}
