using ProbeDashboard.Core.Access;

namespace ProbeDashboard.Core.Agents;

/// <summary>The identity a remote probe agent acts with once its token was accepted.</summary>
public static class AgentActors
{
    /// <summary>
    /// What an agent token allows: read its own profiles, start/stop state and tasks, and deliver reports and
    /// results. No role holds it; admins pass every check.
    /// </summary>
    public const string Permission = "agent:protocol";

    /// <param name="name">The agent's name, or <c>#id</c> when the request names only its id.</param>
    public static Actor For(string name) => Actor.Client(ActorKind.Agent, name, Permission);
}
