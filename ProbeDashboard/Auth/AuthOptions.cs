using System.ComponentModel.DataAnnotations;

namespace ProbeDashboard.Auth;

public class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>User name of the administrator created on first start.</summary>
    public string AdminUser { get; set; } = "admin";

    /// <summary>Initial admin password. When empty, one is generated, printed once and saved in the data directory.</summary>
    public string? AdminPassword { get; set; }

    /// <summary>
    /// Secret for signing API tokens (HMAC-SHA256), at least 32 characters. When empty, a random key is generated
    /// on the first start and kept in the data directory, so tokens survive restarts.
    /// </summary>
    public string? JwtSigningKey { get; set; }

    /// <summary>How long an API token from <c>POST /api/v1/auth/token</c> is valid, in minutes.</summary>
    [Range(1, 60 * 24 * 30)]
    public int TokenLifetimeMinutes { get; set; } = 60;

    /// <summary>
    /// How often a sign-in cookie is checked against the user's security stamp, in seconds. A password, role or
    /// enabled change renews the stamp, so the cookie stops working within this time. 0 checks every request.
    /// </summary>
    [Range(0, 3600)]
    public int SessionRevalidateSeconds { get; set; } = 30;

    /// <summary>
    /// Every user must sign in with a second factor (TOTP). Users without it are sent to set it up after signing in,
    /// and their API requests are refused (403) until they have, except those that set it up.
    /// </summary>
    public bool Require2fa { get; set; }

    /// <summary>
    /// Who may sign in with a password (the form and <c>POST /api/v1/auth/token</c>): everyone, or only
    /// <see cref="BreakGlassUser"/> (for when the identity provider is down), everyone else signing in with single sign-on.
    /// </summary>
    public LocalSignInMode LocalSignIn { get; set; } = LocalSignInMode.Enabled;

    /// <summary>The one local account that may still sign in with a password when <see cref="LocalSignIn"/> is BreakGlassOnly.</summary>
    public string? BreakGlassUser { get; set; }

    /// <summary>Single sign-on with an OpenID Connect provider; off while its Authority is empty.</summary>
    public SingleSignOn.OidcSettings Oidc { get; set; } = new();

    /// <summary>Whether <paramref name="userName"/> may sign in with a password under <see cref="LocalSignIn"/>.</summary>
    public bool AllowsLocalSignIn(string userName) =>
        LocalSignIn == LocalSignInMode.Enabled
        || (!string.IsNullOrWhiteSpace(BreakGlassUser) && string.Equals(userName.Trim(), BreakGlassUser.Trim(), StringComparison.OrdinalIgnoreCase));
}

public enum LocalSignInMode
{
    Enabled,
    BreakGlassOnly,
}
