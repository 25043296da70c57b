using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ProbeDashboard.Core.Auth;

namespace ProbeDashboard.Auth;

/// <summary>Puts the role and its permissions into the sign-in cookie, the same claims a JWT carries.</summary>
public sealed class PermissionClaimsPrincipalFactory(UserManager<AppUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaims(PermissionClaims.For(user));
        return identity;
    }
}

public static class PermissionClaims
{
    public const string RoleClaimType = "role";

    public static IEnumerable<Claim> For(AppUser user) =>
        Permissions.For(user.Role).Select(p => new Claim(Permissions.ClaimType, p))
            .Append(new Claim(RoleClaimType, user.Role.ToString()));
}
