using ProbeDashboard.Core.Accounts.SingleSignOn;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Users;

namespace ProbeDashboard.Auth.SingleSignOn;

/// <summary><c>Auth:Oidc</c>: the OpenID Connect provider users sign in with (authorization code flow with PKCE).</summary>
public sealed class OidcSettings
{
    /// <summary>The provider's issuer URL; its discovery document is read from /.well-known/openid-configuration under it.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    /// <summary>Empty for a public client (PKCE alone).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Space-separated scopes to ask for; openid is always asked for.</summary>
    public string Scopes { get; set; } = "openid profile email";

    /// <summary>The provider's name on the sign-in button ("Sign in with …") and in the audit log.</summary>
    public string DisplayName { get; set; } = "single sign-on";

    /// <summary>The id_token claim whose values pick the role (a string or an array, e.g. "groups" or "roles").</summary>
    public string RoleClaim { get; set; } = "groups";

    /// <summary>Role claim value → admin, operator or viewer. A user none of whose values is here is refused.</summary>
    public Dictionary<string, string> RoleMap { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Create an account at a user's first sign-in; otherwise only accounts already linked get in.</summary>
    public bool AutoCreateUsers { get; set; }

    /// <summary>The claim that names a created account (falls back to email, then sub).</summary>
    public string UserNameClaim { get; set; } = "preferred_username";

    /// <summary>Refuse a discovery document over plain HTTP; turn off only for a provider on this machine.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);

    /// <summary>The role map with parsed roles; an unknown role name makes start-up fail (see the options validation).</summary>
    public ExternalSignInPolicy Policy() => new(
        RoleMap.Where(e => UserRoles.TryParse(e.Value, out _))
            .ToDictionary(e => e.Key, e => UserRoles.TryParse(e.Value, out var role) ? role : UserRole.Viewer, StringComparer.Ordinal),
        AutoCreateUsers);

    /// <summary>What is wrong with the settings, or null: checked at start-up so a typo does not show up at the first sign-in.</summary>
    public string? Problem()
    {
        if (!Enabled) return null;
        if (!Uri.TryCreate(Authority, UriKind.Absolute, out var authority) || authority.Scheme is not ("https" or "http"))
            return "Auth:Oidc:Authority must be an absolute http(s) URL";
        if (string.IsNullOrWhiteSpace(ClientId)) return "Auth:Oidc:ClientId is required when Auth:Oidc:Authority is set";
        if (string.IsNullOrWhiteSpace(RoleClaim)) return "Auth:Oidc:RoleClaim is required when Auth:Oidc:Authority is set";
        if (RoleMap.Count == 0) return "Auth:Oidc:RoleMap must map at least one role claim value to admin, operator or viewer";
        var bad = RoleMap.Where(e => !UserRoles.TryParse(e.Value, out _)).Select(e => e.Key).ToList();
        return bad.Count > 0 ? $"Auth:Oidc:RoleMap: the role of {string.Join(", ", bad)} must be admin, operator or viewer" : null;
    }
}
