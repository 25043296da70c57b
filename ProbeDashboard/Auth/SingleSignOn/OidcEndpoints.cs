using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ProbeDashboard.Auth.Sessions;
using ProbeDashboard.Core.Accounts.Sessions;
using ProbeDashboard.Core.Accounts.SingleSignOn;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Security;

namespace ProbeDashboard.Auth.SingleSignOn;

/// <summary>
/// The sign-in page's "Sign in with …" link: off to the provider, and back, where the provider's validated answer
/// becomes an account of ours (<see cref="ExternalSignInService"/>) and our normal sign-in cookie with a session.
/// </summary>
public static class OidcEndpoints
{
    public const string StartPath = "/account/login/oidc";
    private const string DonePath = "/account/login/oidc/done";

    public static void MapOidcEndpoints(this WebApplication app)
    {
        app.MapGet(StartPath, Start).AllowAnonymous().RequireRateLimiting(RateLimitPolicies.SignIn).ExcludeFromDescription();
        app.MapGet(DonePath, FinishAsync).AllowAnonymous().RequireRateLimiting(RateLimitPolicies.SignIn).ExcludeFromDescription();
    }

    private static IResult Start(string? returnUrl, IOptions<AuthOptions> auth)
    {
        if (!auth.Value.Oidc.Enabled) return Results.NotFound();
        var back = AccountEndpoints.IsLocal(returnUrl) ? returnUrl! : "/";
        return Results.Challenge(new AuthenticationProperties { RedirectUri = $"{DonePath}?returnUrl={Uri.EscapeDataString(back)}" }, [OidcSetup.Scheme]);
    }

    private static async Task<IResult> FinishAsync(string? returnUrl, ExternalSignInService accounts, SessionService sessions,
        SignInManager<AppUser> signIn, IOptions<AuthOptions> auth, HttpContext http, CancellationToken cancellationToken)
    {
        var settings = auth.Value.Oidc;
        var external = await http.AuthenticateAsync(IdentityConstants.ExternalScheme);
        await http.SignOutAsync(IdentityConstants.ExternalScheme);
        if (!settings.Enabled || external.Principal is not { } principal || IdentityOf(principal, settings) is not { } identity)
            return Refused("sso-failed");

        var result = await accounts.SignInAsync(identity, settings.Policy(), cancellationToken);
        if (result.User is not { } user || !result.Succeeded)
            return Refused(result.Refusal switch
            {
                ExternalSignInRefusal.Disabled => "sso-disabled",
                ExternalSignInRefusal.NoMappedRole => "sso-role",
                _ => "sso-no-account",
            });

        // The same session and cookie as a password sign-in, so it is listed and ended like any other.
        var session = await sessions.StartAsync(user.Id, SessionKind.Browser, http.Request.Headers.UserAgent.ToString(),
            http.Connection.RemoteIpAddress?.ToString(), null, cancellationToken);
        await signIn.SignInWithClaimsAsync(user, false, [SessionClaims.For(session), SingleSignOnClaims.For(settings.DisplayName)]);
        return Results.LocalRedirect(AccountEndpoints.IsLocal(returnUrl) ? returnUrl! : "/");
    }

    /// <summary>The provider's answer as the account side needs it; null without an issuer or subject.</summary>
    private static ExternalIdentity? IdentityOf(ClaimsPrincipal principal, OidcSettings settings)
    {
        var sub = principal.FindFirst("sub");
        var subject = sub?.Value;
        // The handler drops the iss claim itself; every claim of the validated token names it as its issuer.
        var issuer = sub?.Issuer is { } i && i != ClaimsIdentity.DefaultIssuer ? i : principal.FindFirst("iss")?.Value;
        if (string.IsNullOrEmpty(subject) || string.IsNullOrEmpty(issuer)) return null;
        var name = new[] { settings.UserNameClaim, "preferred_username", "email" }
            .Select(type => principal.FindFirst(type)?.Value).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) ?? subject;
        var roles = principal.FindAll(settings.RoleClaim).Select(c => c.Value).ToList();
        return new ExternalIdentity(issuer, subject, name, settings.DisplayName, roles);
    }

    private static IResult Refused(string error) => Results.LocalRedirect($"/login?error={error}");
}
