using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ProbeDashboard.Alerts;
using ProbeDashboard.Api;
using ProbeDashboard.Auth;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.StatusPages;

namespace ProbeDashboard.StatusPages;

/// <summary>Building status pages: CRUD through Core's <see cref="StatusPageService"/> (viewers read, operators and admins write).</summary>
public static class StatusPagesApi
{
    public static void MapStatusPagesApi(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/api/v1/status-pages").WithTags("Status pages");
        pages.MapGet("", ListStatusPages).RequireAuthorization(Permissions.ServiceMonitorsRead).WithSummary("List status pages");
        pages.MapGet("/{id:int}", GetStatusPage).RequireAuthorization(Permissions.ServiceMonitorsRead).WithSummary("Get one status page");
        pages.MapPost("", CreateStatusPage).RequireAuthorization(Permissions.ServiceMonitorsWrite).WithSummary("Create a status page");
        pages.MapPut("/{id:int}", UpdateStatusPage).RequireAuthorization(Permissions.ServiceMonitorsWrite).WithSummary("Replace a status page");
        pages.MapDelete("/{id:int}", DeleteStatusPage).RequireAuthorization(Permissions.ServiceMonitorsWrite).WithSummary("Delete a status page");
    }

    private static async Task<Ok<ApiEnvelope<List<StatusPageResponse>>>> ListStatusPages(
        ClaimsPrincipal user, StatusPageService pages, CancellationToken cancellationToken)
    {
        var found = await pages.ListAsync(user.ToActor(), cancellationToken);
        return TypedResults.Ok(ApiEnvelope.Ok(found.Select(StatusPageResponse.Of).ToList()));
    }

    private static async Task<Results<Ok<ApiEnvelope<StatusPageResponse>>, NotFound<ApiEnvelope>>> GetStatusPage(
        int id, ClaimsPrincipal user, StatusPageService pages, CancellationToken cancellationToken)
    {
        var page = await pages.GetAsync(user.ToActor(), id, cancellationToken);
        return page is null ? AlertApiResults.NotFound($"status page {id}") : TypedResults.Ok(ApiEnvelope.Ok(StatusPageResponse.Of(page)));
    }

    private static async Task<Results<Created<ApiEnvelope<StatusPageResponse>>, BadRequest<ApiEnvelope>, Conflict<ApiEnvelope>>> CreateStatusPage(
        StatusPageRequest? request, ClaimsPrincipal user, StatusPageService pages, CancellationToken cancellationToken)
    {
        if (request is null) return AlertApiResults.Invalid("body", "request body is required");
        var saved = await pages.CreateAsync(user.ToActor(), request.ToInput(), cancellationToken);
        return saved.Outcome switch
        {
            StatusPageOutcome.Done => TypedResults.Created($"/api/v1/status-pages/{saved.Page!.Id}", ApiEnvelope.Ok(StatusPageResponse.Of(saved.Page))),
            StatusPageOutcome.Invalid => AlertApiResults.Invalid(saved.Errors!),
            _ => AlertApiResults.Conflict(saved.Message),
        };
    }

    private static async Task<Results<Ok<ApiEnvelope<StatusPageResponse>>, BadRequest<ApiEnvelope>, NotFound<ApiEnvelope>, Conflict<ApiEnvelope>>> UpdateStatusPage(
        int id, StatusPageRequest? request, ClaimsPrincipal user, StatusPageService pages, CancellationToken cancellationToken)
    {
        if (request is null) return AlertApiResults.Invalid("body", "request body is required");
        var actor = user.ToActor();
        var saved = await pages.UpdateAsync(actor, id, request.ToInput(), cancellationToken);
        return saved.Outcome switch
        {
            StatusPageOutcome.Done => TypedResults.Ok(ApiEnvelope.Ok(StatusPageResponse.Of(saved.Page!))),
            StatusPageOutcome.Invalid => AlertApiResults.Invalid(saved.Errors!),
            StatusPageOutcome.NotFound => AlertApiResults.NotFound($"status page {id}"),
            _ => AlertApiResults.Conflict(saved.Message),
        };
    }

    private static async Task<Results<Ok<ApiEnvelope>, NotFound<ApiEnvelope>>> DeleteStatusPage(
        int id, ClaimsPrincipal user, StatusPageService pages, CancellationToken cancellationToken)
    {
        var deleted = await pages.DeleteAsync(user.ToActor(), id, cancellationToken);
        return deleted.Outcome == StatusPageOutcome.Done
            ? TypedResults.Ok(ApiEnvelope.Success("status page deleted"))
            : AlertApiResults.NotFound($"status page {id}");
    }
}
