using ProbeDashboard.Core.Access;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ProbeDashboard.Api;
using ProbeDashboard.Auth.Tokens;
using ProbeDashboard.Core.Accounts.Sessions;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Security;

namespace ProbeDashboard.Auth;

/// <param name="Totp">The 6-digit authenticator code; required when the user has two-factor sign-in on.</param>
/// <param name="RecoveryCode">One of the user's one-time recovery codes, instead of <paramref name="Totp"/>.</param>
public sealed record TokenRequest(string? Username, string? Password, string? Totp = null, string? RecoveryCode = null);

public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn)
{
    public static TokenResponse From(IssuedToken token) => new(token.AccessToken, "Bearer", token.ExpiresInSeconds);
}

public sealed record CurrentUserResponse(int Id, string Username, string Role, IReadOnlyList<string> Permissions);

public static partial class TokenApi
{
    public static void MapTokenApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/auth/token", CreateToken).AllowAnonymous().RequireRateLimiting(RateLimitPolicies.Token);
        app.MapGet("/api/v1/auth/me", GetCurrentUser);
    }

    /// <summary>
    /// Exchanges a user name and password (and, with 2FA on, a TOTP or recovery code) for a bearer token;
    /// wrong passwords and wrong codes count towards lockout. With Auth:LocalSignIn BreakGlassOnly, everyone but the
    /// break-glass user is refused (403): automation uses API keys.
    /// </summary>
    internal static async Task<Results<Ok<ApiEnvelope<TokenResponse>>, BadRequest<ApiEnvelope>, JsonHttpResult<ApiEnvelope>>>
        CreateToken(TokenRequest? request, CredentialCheck credentials, TokenIssuer issuer, SessionService sessions,
            IAuditLog audit, ILoggerFactory loggers, HttpContext http, TimeProvider time, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(TokenApi));
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request?.Username)) errors["username"] = ["required"];
        if (string.IsNullOrEmpty(request?.Password)) errors["password"] = ["required"];
        if (errors.Count > 0)
            return TypedResults.BadRequest(ApiEnvelope.Error(400, "username and password are required", errors));

        var check = await credentials.CheckAsync(request!.Username!, request.Password!, request.Totp, request.RecoveryCode);
        if (check.Refusal == CredentialRefusal.LocalSignInOff)
        {
            LogRefused(logger, request.Username!, check.Reason);
            await audit.RecordAsAsync(Actor.Anonymous.Name, AuditActions.TokenRefused, $"user {request.Username}", check.Reason, cancellationToken);
            return TypedResults.Json(ApiEnvelope.Error(StatusCodes.Status403Forbidden, LocalSignInOffMessage), statusCode: StatusCodes.Status403Forbidden);
        }
        if (check.User is not { } user)
        {
            LogRefused(logger, request.Username!, check.Reason);
            await audit.RecordAsAsync(Actor.Anonymous.Name, AuditActions.TokenRefused, $"user {request.Username}", check.Reason, cancellationToken);
            return Unauthorized("invalid username or password");
        }

        var target = $"user #{user.Id} {user.UserName}";
        await audit.RecordAsAsync(user.UserName!, check.Succeeded ? AuditActions.TokenIssued : AuditActions.TokenRefused, target,
            check.Succeeded ? null : check.Reason, cancellationToken);
        if (check.Refusal == CredentialRefusal.LockedOut)
            LogLockedOut(logger, user.UserName!);
        else if (!check.Succeeded)
            LogRefused(logger, user.UserName!, check.Reason);
        return check.Refusal switch
        {
            // Each token is a session its owner can see and end before it runs out.
            CredentialRefusal.None => TypedResults.Ok(ApiEnvelope.Ok(TokenResponse.From(issuer.Issue(user,
                await sessions.StartAsync(user.Id, SessionKind.ApiToken, http.Request.Headers.UserAgent.ToString(),
                    http.Connection.RemoteIpAddress?.ToString(), time.GetUtcNow().UtcDateTime + issuer.Lifetime + ApiBearerOptions.ClockSkew,
                    cancellationToken))))),
            CredentialRefusal.LockedOut => Unauthorized("account locked after repeated failures, try again later"),
            CredentialRefusal.Disabled => Unauthorized("account is disabled"),
            CredentialRefusal.SecondFactorRequired => Unauthorized(SecondFactorRequiredMessage, SecondFactorRequiredCode),
            CredentialRefusal.WrongSecondFactor => Unauthorized("invalid two-factor code"),
            _ => Unauthorized("invalid username or password"),
        };
    }

    /// <summary>Who the token belongs to and what it may do, so a client can adapt its UI.</summary>
    internal static Ok<ApiEnvelope<CurrentUserResponse>> GetCurrentUser(ClaimsPrincipal user) =>
        TypedResults.Ok(ApiEnvelope.Ok(new CurrentUserResponse(
            user.GetUserId() ?? 0,
            user.Identity?.Name ?? "",
            (user.FindFirst(PermissionClaims.RoleClaimType)?.Value ?? "").ToLowerInvariant(),
            user.FindAll(Permissions.ClaimType).Select(c => c.Value).ToList())));

    /// <summary>
    /// The envelope code of "password right, second factor missing": a client that sees it asks the user for a
    /// code and sends the same request again with <c>totp</c> (or <c>recovery_code</c>).
    /// </summary>
    public const int SecondFactorRequiredCode = 4011;
    public const string SecondFactorRequiredMessage = "two-factor sign-in is on for this account: send the authenticator code as \"totp\" (or a \"recovery_code\")";

    public const string LocalSignInOffMessage =
        "password sign-in is switched off on this server (single sign-on only): automation uses an API key (Authorization: Bearer pdk_...)";

    private static JsonHttpResult<ApiEnvelope> Unauthorized(string message, int code = 401) =>
        TypedResults.Json(ApiEnvelope.Error(code, message), statusCode: StatusCodes.Status401Unauthorized);

    [LoggerMessage(Level = LogLevel.Information, Message = "API token refused for {UserName}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string userName, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "API token refused for {UserName}: the account is locked out after repeated failures")]
    private static partial void LogLockedOut(ILogger logger, string userName);
}
