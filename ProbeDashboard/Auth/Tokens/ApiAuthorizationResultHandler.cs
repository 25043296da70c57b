using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;
using ProbeDashboard.Api;

namespace ProbeDashboard.Auth.Tokens;

/// <summary>Names the missing permission in the 403 envelope of /api requests; other paths keep the default behaviour.</summary>
public sealed class ApiAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Forbidden || !context.Request.Path.StartsWithSegments("/api"))
            return _default.HandleAsync(next, context, policy, authorizeResult);

        var missing = authorizeResult.AuthorizationFailure?.FailedRequirements
            .OfType<ClaimsAuthorizationRequirement>()
            .SelectMany(r => r.AllowedValues ?? [])
            .ToList() ?? [];
        var message = missing.Count == 0 ? "permission denied" : $"permission denied: requires {string.Join(" or ", missing)}";
        return ApiErrorWriter.WriteAsync(context, StatusCodes.Status403Forbidden, message);
    }
}
