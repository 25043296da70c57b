using System.Globalization;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;
using ProbeDashboard.Api;
using ProbeDashboard.Auth.Sessions;
using ProbeDashboard.Core.Accounts.Sessions;

namespace ProbeDashboard.Auth.Tokens;

/// <summary>
/// Our rules around JwtBearer's validation: the query token on realtime paths only, revocation by the user's
/// security stamp, role and disabled flag, and refusals in the API's envelope instead of an empty 401.
/// </summary>
public sealed class ApiBearerEvents(TokenUserCache tokenUsers, SessionService sessions) : JwtBearerEvents
{
    /// <summary>Browsers cannot set headers on a WebSocket upgrade, and SignalR clients send the token in the query.</summary>
    private static readonly PathString[] QueryTokenPaths = ["/api/v1/ws", "/hubs"];

    public override Task MessageReceived(MessageReceivedContext context)
    {
        var request = context.Request;
        // Elsewhere a token in a URL would end up in proxy logs and browser history, so it is ignored there.
        if (!request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && QueryTokenPaths.Any(p => request.Path.StartsWithSegments(p))
            && request.Query["access_token"] is [{ Length: > 0 } query])
            context.Token = query;
        return Task.CompletedTask;
    }

    public override async Task TokenValidated(TokenValidatedContext context)
    {
        var principal = context.Principal!;
        if (!int.TryParse(principal.FindFirst(TokenClaims.Subject)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var userId))
        {
            context.Fail(new TokenRefusedException("invalid token"));
            return;
        }
        // Cached briefly and dropped by AppUserManager on every change, so this is not a query per request.
        var user = await tokenUsers.GetAsync(userId, context.HttpContext.RequestAborted);
        if (user is null || user.Disabled)
            context.Fail(new TokenRefusedException("user is disabled or no longer exists"));
        else if (user.SecurityStamp != principal.FindFirst(TokenClaims.SecurityStamp)?.Value
                 || user.Role.ToString() != principal.FindFirst(TokenClaims.Role)?.Value)
            context.Fail(new TokenRefusedException("token revoked: the password or role changed, request a new token"));
        else if (principal.SessionKey() is { } key && !await sessions.CheckAsync(key, userId,
                     context.HttpContext.Connection.RemoteIpAddress?.ToString(), context.HttpContext.RequestAborted))
            context.Fail(new TokenRefusedException("token revoked: its session was ended, request a new token"));
    }

    public override async Task Challenge(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        var failure = context.AuthenticateFailure;
        context.Response.Headers.WWWAuthenticate = failure is null ? "Bearer" : "Bearer error=\"invalid_token\"";
        var message = failure switch
        {
            null => "authentication required: send Authorization: Bearer <token>",
            TokenRefusedException refused => refused.Message,
            SecurityTokenExpiredException => "token expired",
            // Details (bad signature, wrong audience, alg none...) are logged by JwtBearer, not told to the caller.
            _ => "invalid token",
        };
        await ApiErrorWriter.WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized, message);
    }

    public override Task Forbidden(ForbiddenContext context) =>
        ApiErrorWriter.WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden, "permission denied");

    /// <summary>A well-signed token we refuse anyway; its message is safe to show to the caller.</summary>
    private sealed class TokenRefusedException(string message) : Exception(message);
}
