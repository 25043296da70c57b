using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ProbeDashboard.Core.Auth;

namespace ProbeDashboard.Auth.Tokens;

/// <summary>An issued API token and how many seconds it stays valid.</summary>
public sealed record IssuedToken(string AccessToken, int ExpiresInSeconds);

/// <summary>Signs API tokens carrying the user's id, name, role, permissions and security stamp.</summary>
public sealed class TokenIssuer(TokenSigningKey signingKey, IOptions<AuthOptions> auth, TimeProvider time)
{
    private readonly JsonWebTokenHandler _handler = new();

    public TimeSpan Lifetime => TimeSpan.FromMinutes(auth.Value.TokenLifetimeMinutes);

    /// <param name="sessionKey">The session the token belongs to (its owner can end it); null for none.</param>
    public IssuedToken Issue(AppUser user, string? sessionKey = null)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var lifetime = Lifetime;
        var claims = new List<Claim>
        {
            new(TokenClaims.Subject, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(TokenClaims.Name, user.UserName ?? ""),
            new(TokenClaims.SecurityStamp, user.SecurityStamp ?? ""),
            new(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
        };
        if (sessionKey is not null) claims.Add(Sessions.SessionClaims.For(sessionKey));
        claims.AddRange(PermissionClaims.For(user));

        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = TokenClaims.Issuer,
            Audience = TokenClaims.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(signingKey.Key, SecurityAlgorithms.HmacSha256),
        });
        return new IssuedToken(token, (int)lifetime.TotalSeconds);
    }
}
