using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ProbeDashboard.Api;

namespace ProbeDashboard.Auth.Tokens;

/// <summary>
/// Validates <c>Authorization: Bearer</c> tokens (JwtBearer does not restore for net9 here) and answers
/// 401/403 in the API's envelope instead of redirecting to the sign-in page.
/// </summary>
public sealed class BearerAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    TokenSigningKey signingKey,
    TokenUserCache tokenUsers,
    TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);
    private static readonly JsonWebTokenHandler Tokens = new();

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = ReadToken();
        if (token is null)
            return AuthenticateResult.NoResult();

        var validation = await Tokens.ValidateTokenAsync(token, ValidationParameters());
        if (!validation.IsValid)
            return AuthenticateResult.Fail(validation.Exception is SecurityTokenExpiredException ? "token expired" : "invalid token");

        var identity = validation.ClaimsIdentity;
        if (!int.TryParse(identity.FindFirst(TokenClaims.Subject)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var userId))
            return AuthenticateResult.Fail("invalid token");
        var user = await tokenUsers.GetAsync(userId, Context.RequestAborted);
        if (user is null || user.Disabled)
            return AuthenticateResult.Fail("user is disabled or no longer exists");
        if (user.SecurityStamp != identity.FindFirst(TokenClaims.SecurityStamp)?.Value
            || user.Role.ToString() != identity.FindFirst(TokenClaims.Role)?.Value)
            return AuthenticateResult.Fail("token revoked: the password or role changed, request a new token");

        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    /// <summary>
    /// The bearer token from the Authorization header, or, on realtime paths only, from the <c>access_token</c> query
    /// parameter: browsers cannot set headers on a WebSocket upgrade, and SignalR clients send the token that way.
    /// </summary>
    private string? ReadToken()
    {
        var header = Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return header["Bearer ".Length..].Trim();
        var onRealtimePath = QueryTokenPaths.Any(p => Request.Path.StartsWithSegments(p));
        return onRealtimePath && Request.Query["access_token"] is [{ Length: > 0 } query] ? query : null;
    }

    private static readonly PathString[] QueryTokenPaths = ["/api/v1/ws", "/hubs"];

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.Headers.WWWAuthenticate = result.Failure is null ? "Bearer" : "Bearer error=\"invalid_token\"";
        await ApiErrorWriter.WriteAsync(Context, StatusCodes.Status401Unauthorized,
            result.Failure?.Message ?? "authentication required: send Authorization: Bearer <token>");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiErrorWriter.WriteAsync(Context, StatusCodes.Status403Forbidden, "permission denied");

    private TokenValidationParameters ValidationParameters() => new()
    {
        ValidIssuer = TokenClaims.Issuer,
        ValidAudience = TokenClaims.Audience,
        IssuerSigningKey = signingKey.Key,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        RequireExpirationTime = true,
        NameClaimType = TokenClaims.Name,
        RoleClaimType = TokenClaims.Role,
        AuthenticationType = Scheme.Name,
        // The library reads the system clock; validate against the injected one so tests can move time.
        LifetimeValidator = ValidateLifetime,
    };

    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (expires is null || now > expires.Value + ClockSkew)
            throw new SecurityTokenExpiredException("token expired");
        if (notBefore is not null && now + ClockSkew < notBefore.Value)
            throw new SecurityTokenNotYetValidException("token not yet valid");
        return true;
    }
}
