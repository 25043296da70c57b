namespace ProbeDashboard.Core.Access;

/// <summary>
/// An actor asked for something its permissions do not allow. The API maps it to 403 in its envelope, the UI to a
/// refusal message; a tampered circuit that calls a hidden command meets the same check.
/// </summary>
public sealed class AccessDeniedException(Actor actor, string permission)
    : Exception($"{actor.Name} lacks the {permission} permission")
{
    public Actor Actor { get; } = actor;
    public string Permission { get; } = permission;
}
