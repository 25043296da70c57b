using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ProbeDashboard.Api;
using ProbeDashboard.Auth;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Compat.IpLive;

namespace ProbeDashboard.Compat.IpLive;

public sealed record IpLiveAppResponse(int Id, string AppName, string TokenPrefix, string? CallbackUrl, DateTime CreatedAt)
{
    public static IpLiveAppResponse From(IpLiveApp a) => new(a.Id, a.AppName, a.TokenPrefix, a.CallbackUrl, a.CreatedAt);
}

/// <summary>The one answer that carries the plain token; it is never shown again.</summary>
public sealed record CreatedIpLiveAppResponse(int Id, string AppName, string Token, string? CallbackUrl, DateTime CreatedAt);

public sealed record CreateIpLiveAppRequest(string? AppName, string? CallbackUrl);

public sealed record UpdateIpLiveAppRequest(string? CallbackUrl);

/// <summary>iplive apps under /api/v1/iplive/apps, for administrators: create (token shown once), list, change the callback, delete.</summary>
public static class IpLiveAppsApi
{
    public static void MapIpLiveAppsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/iplive/apps").RequireAuthorization(Permissions.Admin);
        group.MapGet("", ListApps);
        group.MapPost("", CreateApp);
        group.MapPut("/{id:int}", UpdateApp);
        group.MapDelete("/{id:int}", DeleteApp);
    }

    internal static async Task<Ok<ApiEnvelope<List<IpLiveAppResponse>>>> ListApps(ClaimsPrincipal user, IpLiveApps apps, CancellationToken cancellationToken) =>
        TypedResults.Ok(ApiEnvelope.Ok((await apps.ListAsync(user.ToActor(), cancellationToken)).Select(IpLiveAppResponse.From).ToList()));

    internal static async Task<Results<Created<ApiEnvelope<CreatedIpLiveAppResponse>>, BadRequest<ApiEnvelope>, Conflict<ApiEnvelope>>> CreateApp(
        CreateIpLiveAppRequest? request, ClaimsPrincipal user, IpLiveApps apps, CancellationToken cancellationToken)
    {
        if (IpLiveApps.Problem(request?.AppName, request?.CallbackUrl) is { } problem)
            return TypedResults.BadRequest(ApiEnvelope.Error(400, $"invalid iplive app: {problem}"));
        if (await apps.CreateAsync(user.ToActor(), request!.AppName!, request.CallbackUrl, cancellationToken) is not { } created)
            return TypedResults.Conflict(ApiEnvelope.Error(409, $"an iplive app named '{request.AppName!.Trim()}' already exists"));
        var (app, token) = created;
        return TypedResults.Created($"/api/v1/iplive/apps/{app.Id}",
            ApiEnvelope.Ok(new CreatedIpLiveAppResponse(app.Id, app.AppName, token, app.CallbackUrl, app.CreatedAt)));
    }

    internal static async Task<Results<Ok<ApiEnvelope>, BadRequest<ApiEnvelope>, NotFound<ApiEnvelope>>> UpdateApp(
        int id, UpdateIpLiveAppRequest? request, ClaimsPrincipal user, IpLiveApps apps, CancellationToken cancellationToken)
    {
        if (IpLiveApps.Problem("app", request?.CallbackUrl) is { } problem)
            return TypedResults.BadRequest(ApiEnvelope.Error(400, $"invalid iplive app: {problem}"));
        return await apps.SetCallbackAsync(user.ToActor(), id, request?.CallbackUrl, cancellationToken)
            ? TypedResults.Ok(ApiEnvelope.Success("iplive app updated"))
            : TypedResults.NotFound(ApiEnvelope.Error(404, $"iplive app {id} not found"));
    }

    internal static async Task<Results<Ok<ApiEnvelope>, NotFound<ApiEnvelope>>> DeleteApp(int id, ClaimsPrincipal user, IpLiveApps apps, CancellationToken cancellationToken) =>
        await apps.DeleteAsync(user.ToActor(), id, cancellationToken)
            ? TypedResults.Ok(ApiEnvelope.Success("iplive app deleted"))
            : TypedResults.NotFound(ApiEnvelope.Error(404, $"iplive app {id} not found"));
}
