using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ProbeDashboard.Auth.Tokens;
using ProbeDashboard.Core.Auth;

namespace ProbeDashboard.Tests.Support;

/// <summary>API tokens made outside the server, to probe what its validator accepts and refuses.</summary>
public static class TokenForge
{
    /// <summary>The claims the token endpoint would put in a token of this stored user (without permissions).</summary>
    public static async Task<List<Claim>> ClaimsOfAsync(IServiceProvider services, string userName)
    {
        using var scope = services.CreateScope();
        var user = (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(userName))!;
        return
        [
            new Claim(TokenClaims.Subject, user.Id.ToString()),
            new Claim(TokenClaims.Name, userName),
            new Claim(TokenClaims.Role, user.Role.ToString()),
            new Claim(TokenClaims.SecurityStamp, user.SecurityStamp!),
        ];
    }

    /// <summary>A token with our issuer; <paramref name="key"/> null makes an unsigned one (<c>"alg": "none"</c>).</summary>
    public static string Create(IEnumerable<Claim> claims, SecurityKey? key, DateTime issuedAt, DateTime expires,
        string audience = TokenClaims.Audience, string algorithm = SecurityAlgorithms.HmacSha256) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = TokenClaims.Issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = expires,
            SigningCredentials = key is null ? null : new SigningCredentials(key, algorithm),
        });
}
