using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using ProbeDashboard.Api;
using ProbeDashboard.Auth.Tokens;
using ProbeDashboard.Core.Accounts.ApiKeys;
using ProbeDashboard.Core.Auth;

namespace ProbeDashboard.Auth.ApiKeys;

/// <summary>
/// Signs a request in with a user's API key (<c>Authorization: Bearer pdk_...</c> or <c>X-Api-Key</c>): the owner's
/// id and name with only the key's scopes as permissions, and the key's id in <see cref="AccountPolicies.ApiKeyClaim"/>.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger,
    UrlEncoder encoder, ApiKeyService keys) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    /// <summary>True when the request carries an API key rather than a JWT, so the smart scheme sends it here.</summary>
    public static bool Carries(HttpRequest request) =>
        request.Headers.ContainsKey(HeaderName) || UserApiKey.LooksLikeKey(BearerValue(request));

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Request.Headers[HeaderName].ToString() is { Length: > 0 } header ? header : BearerValue(Request);
        if (string.IsNullOrWhiteSpace(presented)) return AuthenticateResult.NoResult();
        var check = await keys.AuthenticateAsync(presented, Context.Connection.RemoteIpAddress?.ToString(), Context.RequestAborted);
        if (check.Identity is not { } key) return AuthenticateResult.Fail(check.Refusal!);

        var claims = new List<Claim>
        {
            new(TokenClaims.Subject, key.UserId.ToString(CultureInfo.InvariantCulture)),
            new(TokenClaims.Name, key.UserName),
            new(PermissionClaims.RoleClaimType, key.Role.ToString()),
            new(AccountPolicies.ApiKeyClaim, key.KeyId.ToString(CultureInfo.InvariantCulture)),
        };
        claims.AddRange(key.Permissions.Select(p => new Claim(Permissions.ClaimType, p)));
        var identity = new ClaimsIdentity(claims, SchemeName, TokenClaims.Name, PermissionClaims.RoleClaimType);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        await ApiErrorWriter.WriteAsync(Context, StatusCodes.Status401Unauthorized, result.Failure?.Message ?? "invalid API key");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiErrorWriter.WriteAsync(Context, StatusCodes.Status403Forbidden, "permission denied: the API key's scopes do not allow this");

    private static string? BearerValue(HttpRequest request) =>
        request.Headers.Authorization.ToString() is { } value && value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? value["Bearer ".Length..].Trim()
            : null;
}
