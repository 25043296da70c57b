using System.Globalization;
using System.Security.Claims;
using ProbeDashboard.Auth.Tokens;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Auth;

namespace ProbeDashboard.Auth;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The signed-in user's id, from a bearer token (<c>sub</c>) or the sign-in cookie.</summary>
    public static int? GetUserId(this ClaimsPrincipal principal)
    {
        var value = principal.FindFirst(TokenClaims.Subject)?.Value ?? principal.FindFirst(ClaimTypes.NameIdentifier)?.Value;
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    }

    /// <summary>
    /// The acting identity Core services authorize and audit: the user's id and name with the permission claims the
    /// cookie or token carries. Anyone not signed in holds no permission at all.
    /// </summary>
    public static Actor ToActor(this ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true || principal.GetUserId() is not { } id)
            return Actor.Anonymous;
        var name = principal.Identity.Name ?? principal.FindFirst(TokenClaims.Name)?.Value ?? $"user #{id}";
        return Actor.ForUser(id, name, principal.FindAll(Permissions.ClaimType).Select(c => c.Value));
    }
}
