using System.Globalization;
using System.Security.Claims;
using ProbeDashboard.Auth.Tokens;

namespace ProbeDashboard.Auth;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The signed-in user's id, from a bearer token (<c>sub</c>) or the sign-in cookie.</summary>
    public static int? GetUserId(this ClaimsPrincipal principal)
    {
        var value = principal.FindFirst(TokenClaims.Subject)?.Value ?? principal.FindFirst(ClaimTypes.NameIdentifier)?.Value;
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    }
}
