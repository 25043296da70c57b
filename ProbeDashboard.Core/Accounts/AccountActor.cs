using ProbeDashboard.Core.Access;

namespace ProbeDashboard.Core.Accounts;

/// <summary>Who an own-account command (2FA, API keys, sessions) acts on.</summary>
public static class AccountActor
{
    /// <summary>The permission name an <see cref="AccessDeniedException"/> gives when a non-person calls an own-account command.</summary>
    public const string SignedInUser = "signed-in user";

    /// <summary>
    /// The actor's own user id. Only a signed-in person has an account to manage: agents, compat clients, the CLI
    /// and anonymous callers are refused, whatever permissions they hold.
    /// </summary>
    public static int OwnUserId(this Actor actor) =>
        actor is { Kind: ActorKind.User, UserId: > 0 and var id } ? id : throw new AccessDeniedException(actor, SignedInUser);
}
