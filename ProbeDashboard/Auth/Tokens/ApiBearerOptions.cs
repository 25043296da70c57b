using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace ProbeDashboard.Auth.Tokens;

/// <summary>What JwtBearer accepts as an API token: ours (issuer, audience, HS256 with our key), unexpired.</summary>
public sealed class ApiBearerOptions(TokenSigningKey signingKey, TimeProvider time) : IConfigureNamedOptions<JwtBearerOptions>
{
    /// <summary>How long after its expiry a token is still accepted (clocks of clients and servers differ a little).</summary>
    internal static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    public void Configure(JwtBearerOptions options) => Configure(Options.DefaultName, options);

    public void Configure(string? name, JwtBearerOptions options)
    {
        if (name != AuthSetup.BearerScheme)
            return;
        // Claims keep the names the token endpoint issued ("sub", "role", "perm"), not WS-Federation URIs.
        options.MapInboundClaims = false;
        options.EventsType = typeof(ApiBearerEvents);
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = TokenClaims.Issuer,
            ValidAudience = TokenClaims.Audience,
            IssuerSigningKey = signingKey.Key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ClockSkew = ClockSkew,
            NameClaimType = TokenClaims.Name,
            RoleClaimType = TokenClaims.Role,
            AuthenticationType = AuthSetup.BearerScheme,
            // IdentityModel's own clock cannot be replaced from outside (its TimeProvider setter is internal);
            // judge the lifetime by the injected clock, so tests move time instead of waiting.
            LifetimeValidator = ValidateLifetime,
        };
    }

    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (expires is null || now > expires.Value + parameters.ClockSkew)
            throw new SecurityTokenExpiredException("token expired");
        if (notBefore is not null && now + parameters.ClockSkew < notBefore.Value)
            throw new SecurityTokenNotYetValidException("token not yet valid");
        return true;
    }
}
