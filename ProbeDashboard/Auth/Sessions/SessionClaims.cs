using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using ProbeDashboard.Core.Accounts.Sessions;

namespace ProbeDashboard.Auth.Sessions;

/// <summary>The session a sign-in cookie or an API token belongs to, and the checks that end it when its owner does.</summary>
public static class SessionClaims
{
    /// <summary>The claim with the session's key (OpenID's name for a session id).</summary>
    public const string Id = "sid";

    public static string? SessionKey(this ClaimsPrincipal principal) => principal.FindFirst(Id)?.Value;

    public static Claim For(string key) => new(Id, key);

    /// <summary>
    /// The sign-in cookie's check on every request: its session must still be on (its owner may have ended it from
    /// another browser), then Identity's security-stamp check. Cookies from before sessions existed carry no key and
    /// keep only the stamp check until they run out.
    /// </summary>
    public static async Task ValidateCookieAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal?.SessionKey() is { } key && context.Principal.GetUserId() is { } userId)
        {
            var http = context.HttpContext;
            var sessions = http.RequestServices.GetRequiredService<SessionService>();
            if (!await sessions.CheckAsync(key, userId, http.Connection.RemoteIpAddress?.ToString(), http.RequestAborted))
            {
                context.RejectPrincipal();
                await http.SignOutAsync(IdentityConstants.ApplicationScheme);
                return;
            }
        }
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    /// <summary>
    /// Identity rebuilds the cookie's principal when it re-checks the stamp; the session key (and the mark of a
    /// single sign-on) must survive that.
    /// </summary>
    public static Task KeepSessionKey(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.CurrentPrincipal?.SessionKey() is { } key && context.NewPrincipal?.Identity is ClaimsIdentity identity)
            identity.AddClaim(For(key));
        if (context.CurrentPrincipal?.FindFirst(SingleSignOn.SingleSignOnClaims.Type) is { } provider && context.NewPrincipal?.Identity is ClaimsIdentity renewed)
            renewed.AddClaim(SingleSignOn.SingleSignOnClaims.For(provider.Value));
        return Task.CompletedTask;
    }
}
