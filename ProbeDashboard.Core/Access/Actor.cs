using ProbeDashboard.Core.Auth;

namespace ProbeDashboard.Core.Access;

/// <summary>What kind of caller an <see cref="Actor"/> is; kept in audit entries as the actor name's prefix.</summary>
public enum ActorKind
{
    /// <summary>A signed-in person: the UI's circuit user, or a bearer token's subject.</summary>
    User,
    /// <summary>A remote probe agent, by its token (seed 003).</summary>
    Agent,
    /// <summary>An iplive app (seed 002).</summary>
    IpLiveApp,
    /// <summary>A client of the open monitoring API (seed 004).</summary>
    OpenApiClient,
    /// <summary>An operator running a command of the binary on the server's machine (export, import, user reset).</summary>
    Cli,
    /// <summary>The product itself: start-up, jobs, housekeeping.</summary>
    System,
}

/// <summary>
/// The acting identity every Core service is called with. The service authorizes it (<see cref="Demand"/>) and
/// names it in the audit entry, so no caller can forget either. Callers build one from what authenticated them:
/// a claims principal (host), an agent token, a compat client, the CLI.
/// </summary>
public sealed record Actor(ActorKind Kind, string Name, int? UserId, IReadOnlySet<string> Permissions)
{
    private static readonly IReadOnlySet<string> Everything = new HashSet<string>(Auth.Permissions.All);

    /// <summary>The product acting on its own behalf; may do anything.</summary>
    public static readonly Actor System = new(ActorKind.System, "system", null, Everything);

    /// <summary>Someone not signed in: may do nothing, and is named so in the audit log (failed sign-ins).</summary>
    public static readonly Actor Anonymous = new(ActorKind.User, "anonymous", null, new HashSet<string>());

    public static Actor ForUser(int userId, string userName, IEnumerable<string> permissions) =>
        new(ActorKind.User, userName, userId, new HashSet<string>(permissions));

    public static Actor ForRole(int userId, string userName, UserRole role) =>
        ForUser(userId, userName, Auth.Permissions.For(role));

    /// <summary>Someone at the server's console: whoever can run the binary against the data directory owns it.</summary>
    public static Actor Cli(string operatorName) => new(ActorKind.Cli, $"cli:{operatorName}", null, Everything);

    /// <summary>A compat client; <paramref name="permissions"/> are what its API lets it do.</summary>
    public static Actor Client(ActorKind kind, string name, params string[] permissions) =>
        new(kind, $"{Prefix(kind)}:{name}", null, new HashSet<string>(permissions));

    /// <summary>True when the actor holds <paramref name="permission"/> or is an admin.</summary>
    public bool Can(string permission) =>
        Permissions.Contains(permission) || Permissions.Contains(Auth.Permissions.Admin);

    /// <summary>Throws <see cref="AccessDeniedException"/> unless the actor <see cref="Can"/> do it.</summary>
    public void Demand(string permission)
    {
        if (!Can(permission)) throw new AccessDeniedException(this, permission);
    }

    private static string Prefix(ActorKind kind) => kind switch
    {
        ActorKind.Agent => "agent",
        ActorKind.IpLiveApp => "iplive",
        ActorKind.OpenApiClient => "openapi",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
