using System.Security.Claims;

namespace ProbeDashboard.Auth.SingleSignOn;

/// <summary>
/// Marks a sign-in cookie made by single sign-on: the provider did the second factor, so Auth:Require2fa does not
/// send its user to our TOTP setup.
/// </summary>
public static class SingleSignOnClaims
{
    public const string Type = "idp";

    public static Claim For(string providerName) => new(Type, providerName);

    public static bool ViaSingleSignOn(this ClaimsPrincipal principal) => principal.HasClaim(c => c.Type == Type);
}
