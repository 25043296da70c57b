using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using ProbeDashboard.Auth;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Compat.ProbeFlows;
using ProbeDashboard.Security;

namespace ProbeDashboard.Compat.ProbeFlows;

/// <summary>
/// Seed 000's probe-flow registry, each path under both /knapsack and /cpcloud. Callers send a bearer token of
/// this product's /api/v1/auth/token: listing needs service_monitors:read, creating and deleting service_monitors:write.
/// </summary>
public static class ProbeFlowsApi
{
    public static readonly IReadOnlyList<string> Prefixes = ["/knapsack", "/cpcloud"];

    public static void MapProbeFlowsApi(this IEndpointRouteBuilder app)
    {
        foreach (var prefix in Prefixes)
        {
            var group = app.MapGroup(prefix + "/probe/flows").AllowAnonymous().DisableAntiforgery()
                .RequireRateLimiting(RateLimitPolicies.Compat)
                .AnswerRateLimitWith((context, message) => ProbeFlowResults.Error(StatusCodes.Status429TooManyRequests, message).ExecuteAsync(context));
            group.MapPost("", CreateFlow).AddEndpointFilter(Require(Permissions.ServiceMonitorsWrite));
            group.MapPost("/{instanceId}", DeleteFlow).AddEndpointFilter(Require(Permissions.ServiceMonitorsWrite));
            group.MapGet("", ListFlows).AddEndpointFilter(Require(Permissions.ServiceMonitorsRead));
        }
    }

    internal static async Task<IResult> CreateFlow(HttpRequest request, ProbeFlowService flows, CancellationToken cancellationToken)
    {
        var instanceId = await InstanceIdAsync(request, cancellationToken);
        var result = await flows.CreateAsync(request.HttpContext.User.ToActor(), instanceId, cancellationToken);
        return result.Flow is { } flow
            ? ProbeFlowResults.Ok(CreatedProbeFlowResponse.From(flow))
            : ProbeFlowResults.Error(Status(result.Error), result.Message);
    }

    internal static async Task<IResult> DeleteFlow(string instanceId, HttpContext http, ProbeFlowService flows, CancellationToken cancellationToken) =>
        await flows.DeleteAsync(http.User.ToActor(), instanceId, cancellationToken)
            ? ProbeFlowResults.Ok()
            : ProbeFlowResults.Error(StatusCodes.Status404NotFound, $"instance {instanceId} has no probe flow");

    internal static async Task<IResult> ListFlows(
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "instance_id")] string? instanceId, HttpContext http, ProbeFlowService flows, CancellationToken cancellationToken) =>
        ProbeFlowResults.Ok((await flows.ListAsync(http.User.ToActor(), instanceId, null, cancellationToken)).Select(ProbeFlowResponse.From).ToList());

    private static int Status(ProbeFlowError error) => error switch
    {
        ProbeFlowError.UnknownInstance => StatusCodes.Status404NotFound,
        ProbeFlowError.AlreadyExists => StatusCodes.Status409Conflict,
        ProbeFlowError.NoProxyConfigured => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status400BadRequest,
    };

    /// <summary>instance_id from a JSON object, a form, or the query.</summary>
    private static async Task<string?> InstanceIdAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.HasFormContentType)
        {
            try
            {
                return (await request.ReadFormAsync(cancellationToken))["instance_id"].FirstOrDefault();
            }
            catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
            {
                // A body that claims to be a form but is not one names no instance; the service reports it missing.
                return null;
            }
        }
        if (request.ContentLength is not 0)
        {
            try
            {
                using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
                if (body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty("instance_id", out var id))
                    return id.ValueKind == JsonValueKind.String ? id.GetString() : id.GetRawText();
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException)
            {
                // Not JSON, or a string that is no text (a lone surrogate escape): the query may still carry it; otherwise the service reports it missing.
            }
        }
        return request.Query["instance_id"].FirstOrDefault();
    }

    /// <summary>
    /// Authenticates the bearer token itself (these paths are outside /api, where the cookie would be tried) and
    /// answers refusals in this API's own envelope.
    /// </summary>
    private static Func<EndpointFilterInvocationContext, EndpointFilterDelegate, ValueTask<object?>> Require(string permission) =>
        async (context, next) =>
        {
            var http = context.HttpContext;
            var auth = await http.AuthenticateAsync(AuthSetup.BearerScheme);
            if (!auth.Succeeded) return ProbeFlowResults.Error(StatusCodes.Status401Unauthorized, "a valid bearer token is required (POST /api/v1/auth/token)");
            if (!auth.Principal.HasClaim(Permissions.ClaimType, permission))
                return ProbeFlowResults.Error(StatusCodes.Status403Forbidden, $"the token lacks the {permission} permission");
            http.User = auth.Principal;
            return await next(context);
        };
}
