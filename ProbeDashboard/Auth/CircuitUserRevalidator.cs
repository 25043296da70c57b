using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ProbeDashboard.Auth.Sessions;
using ProbeDashboard.Auth.Tokens;
using ProbeDashboard.Core.Accounts.Sessions;

namespace ProbeDashboard.Auth;

/// <summary>
/// A dashboard circuit lives as long as the tab is open, long after the sign-in cookie was checked. Every half
/// minute this re-checks the circuit's user against the database (same rules as API tokens): a disabled user, a
/// new role, a changed password or an ended session ends the circuit's sign-in, and the page sends the browser to /login.
/// </summary>
public sealed class CircuitUserRevalidator(ILoggerFactory loggers, TokenUserCache users, IOptions<IdentityOptions> identity, SessionService sessions)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(30);

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        IsStillValidAsync(authenticationState.User, cancellationToken);

    internal async Task<bool> IsStillValidAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.GetUserId() is not { } id) return false;
        var current = await users.GetAsync(id, cancellationToken);
        return current is { Disabled: false }
            && current.Role.ToString() == user.FindFirst(PermissionClaims.RoleClaimType)?.Value
            && current.SecurityStamp == user.FindFirst(identity.Value.ClaimsIdentity.SecurityStampClaimType)?.Value
            && (user.SessionKey() is not { } key || await sessions.CheckAsync(key, id, null, cancellationToken));
    }
}
