using ProbeDashboard.Core.Access;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using ProbeDashboard.Api;
using ProbeDashboard.Auth.Tokens;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Security;

namespace ProbeDashboard.Auth;

public sealed record TokenRequest(string? Username, string? Password);

public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn);

public sealed record CurrentUserResponse(int Id, string Username, string Role, IReadOnlyList<string> Permissions);

public static partial class TokenApi
{
    public static void MapTokenApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/auth/token", CreateToken).AllowAnonymous().RequireRateLimiting(RateLimitPolicies.Token);
        app.MapGet("/api/v1/auth/me", GetCurrentUser);
    }

    /// <summary>Exchanges a user name and password for a bearer token; failures count towards lockout.</summary>
    internal static async Task<Results<Ok<ApiEnvelope<TokenResponse>>, BadRequest<ApiEnvelope>, JsonHttpResult<ApiEnvelope>>>
        CreateToken(TokenRequest? request, UserManager<AppUser> users, SignInManager<AppUser> signIn, TokenIssuer issuer,
            IAuditLog audit, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(TokenApi));
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request?.Username)) errors["username"] = ["required"];
        if (string.IsNullOrEmpty(request?.Password)) errors["password"] = ["required"];
        if (errors.Count > 0)
            return TypedResults.BadRequest(ApiEnvelope.Error(400, "username and password are required", errors));

        var user = await users.FindByNameAsync(request!.Username!);
        if (user is null)
        {
            // Hash anyway, so that the answer for an unknown name takes as long as for a wrong password.
            users.PasswordHasher.HashPassword(new AppUser(), request.Password!);
            LogRefused(logger, request.Username!, "unknown user");
            await audit.RecordAsAsync(Actor.Anonymous.Name, AuditActions.TokenRefused, $"user {request.Username}", "unknown user", cancellationToken);
            return Unauthorized("invalid username or password");
        }

        var result = await signIn.CheckPasswordSignInAsync(user, request.Password!, lockoutOnFailure: true);
        var refusal = result.IsLockedOut ? "locked out" : !result.Succeeded ? "wrong password" : user.Disabled ? "disabled" : null;
        var target = $"user #{user.Id} {user.UserName}";
        await audit.RecordAsAsync(user.UserName!, refusal is null ? AuditActions.TokenIssued : AuditActions.TokenRefused, target, refusal, cancellationToken);
        if (result.IsLockedOut)
        {
            LogLockedOut(logger, user.UserName!);
            return Unauthorized("account locked after repeated failures, try again later");
        }
        if (!result.Succeeded)
        {
            LogRefused(logger, user.UserName!, "wrong password");
            return Unauthorized("invalid username or password");
        }
        if (user.Disabled)
        {
            LogRefused(logger, user.UserName!, "disabled");
            return Unauthorized("account is disabled");
        }

        var token = issuer.Issue(user);
        return TypedResults.Ok(ApiEnvelope.Ok(new TokenResponse(token.AccessToken, "Bearer", token.ExpiresInSeconds)));
    }

    /// <summary>Who the token belongs to and what it may do, so a client can adapt its UI.</summary>
    internal static Ok<ApiEnvelope<CurrentUserResponse>> GetCurrentUser(ClaimsPrincipal user) =>
        TypedResults.Ok(ApiEnvelope.Ok(new CurrentUserResponse(
            user.GetUserId() ?? 0,
            user.Identity?.Name ?? "",
            (user.FindFirst(PermissionClaims.RoleClaimType)?.Value ?? "").ToLowerInvariant(),
            user.FindAll(Permissions.ClaimType).Select(c => c.Value).ToList())));

    private static JsonHttpResult<ApiEnvelope> Unauthorized(string message) =>
        TypedResults.Json(ApiEnvelope.Error(401, message), statusCode: StatusCodes.Status401Unauthorized);

    [LoggerMessage(Level = LogLevel.Information, Message = "API token refused for {UserName}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string userName, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "API token refused for {UserName}: the account is locked out after repeated failures")]
    private static partial void LogLockedOut(ILogger logger, string userName);
}
