using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ProbeDashboard.Alerts;
using ProbeDashboard.Api;
using ProbeDashboard.Auth;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.StatusPages.Incidents;

namespace ProbeDashboard.StatusPages.Incidents;

/// <summary>Incidents of a status page through Core's <see cref="IncidentService"/> (viewers read, operators and admins write).</summary>
public static class IncidentsApi
{
    public static void MapIncidentsApi(this IEndpointRouteBuilder app)
    {
        var incidents = app.MapGroup("/api/v1/status-pages/{id:int}/incidents").WithTags("Status pages");
        incidents.MapGet("", ListIncidents).RequireAuthorization(Permissions.ServiceMonitorsRead)
            .WithSummary("List a status page's incidents").WithDescription("Newest first, with their updates oldest first.");
        incidents.MapGet("/{iid:int}", GetIncident).RequireAuthorization(Permissions.ServiceMonitorsRead).WithSummary("Get one incident");
        incidents.MapPost("", CreateIncident).RequireAuthorization(Permissions.ServiceMonitorsWrite)
            .WithSummary("Post an incident").WithDescription("Shown on the public page at once. The body is Markdown; raw HTML in it is shown as text.");
        incidents.MapPut("/{iid:int}", UpdateIncident).RequireAuthorization(Permissions.ServiceMonitorsWrite).WithSummary("Replace an incident's title, body, status and monitors");
        incidents.MapDelete("/{iid:int}", DeleteIncident).RequireAuthorization(Permissions.ServiceMonitorsWrite).WithSummary("Delete an incident");
        incidents.MapPost("/{iid:int}/updates", AppendIncidentUpdate).RequireAuthorization(Permissions.ServiceMonitorsWrite)
            .WithSummary("Append an update to an incident").WithDescription("The incident takes the update's status: 'resolved' resolves it.");
    }

    private static async Task<Results<Ok<ApiEnvelope<List<IncidentResponse>>>, NotFound<ApiEnvelope>>> ListIncidents(
        int id, ClaimsPrincipal user, IncidentService incidents, CancellationToken cancellationToken)
    {
        var found = await incidents.ListAsync(user.ToActor(), id, cancellationToken);
        return found is null ? AlertApiResults.NotFound($"status page {id}") : TypedResults.Ok(ApiEnvelope.Ok(found.Select(IncidentResponse.Of).ToList()));
    }

    private static async Task<Results<Ok<ApiEnvelope<IncidentResponse>>, NotFound<ApiEnvelope>>> GetIncident(
        int id, int iid, ClaimsPrincipal user, IncidentService incidents, CancellationToken cancellationToken)
    {
        var incident = await incidents.GetAsync(user.ToActor(), id, iid, cancellationToken);
        return incident is null ? NotFound(id, iid) : TypedResults.Ok(ApiEnvelope.Ok(IncidentResponse.Of(incident)));
    }

    private static async Task<Results<Created<ApiEnvelope<IncidentResponse>>, BadRequest<ApiEnvelope>, NotFound<ApiEnvelope>>> CreateIncident(
        int id, IncidentRequest? request, ClaimsPrincipal user, IncidentService incidents, CancellationToken cancellationToken)
    {
        if (request is null) return AlertApiResults.Invalid("body", "request body is required");
        var saved = await incidents.CreateAsync(user.ToActor(), id, request.ToInput(), cancellationToken);
        return saved.Outcome switch
        {
            IncidentOutcome.Done => TypedResults.Created($"/api/v1/status-pages/{id}/incidents/{saved.Incident!.Id}", ApiEnvelope.Ok(IncidentResponse.Of(saved.Incident))),
            IncidentOutcome.Invalid => AlertApiResults.Invalid(saved.Errors!),
            _ => AlertApiResults.NotFound($"status page {id}"),
        };
    }

    private static async Task<Results<Ok<ApiEnvelope<IncidentResponse>>, BadRequest<ApiEnvelope>, NotFound<ApiEnvelope>>> UpdateIncident(
        int id, int iid, IncidentRequest? request, ClaimsPrincipal user, IncidentService incidents, CancellationToken cancellationToken)
    {
        if (request is null) return AlertApiResults.Invalid("body", "request body is required");
        return Answer(id, iid, await incidents.UpdateAsync(user.ToActor(), id, iid, request.ToInput(), cancellationToken));
    }

    private static async Task<Results<Ok<ApiEnvelope<IncidentResponse>>, BadRequest<ApiEnvelope>, NotFound<ApiEnvelope>>> AppendIncidentUpdate(
        int id, int iid, IncidentUpdateRequest? request, ClaimsPrincipal user, IncidentService incidents, CancellationToken cancellationToken)
    {
        if (request is null) return AlertApiResults.Invalid("body", "request body is required");
        return Answer(id, iid, await incidents.AppendUpdateAsync(user.ToActor(), id, iid, request.ToInput(), cancellationToken));
    }

    private static async Task<Results<Ok<ApiEnvelope>, NotFound<ApiEnvelope>>> DeleteIncident(
        int id, int iid, ClaimsPrincipal user, IncidentService incidents, CancellationToken cancellationToken)
    {
        var deleted = await incidents.DeleteAsync(user.ToActor(), id, iid, cancellationToken);
        return deleted.Outcome == IncidentOutcome.Done ? TypedResults.Ok(ApiEnvelope.Success("incident deleted")) : NotFound(id, iid);
    }

    private static Results<Ok<ApiEnvelope<IncidentResponse>>, BadRequest<ApiEnvelope>, NotFound<ApiEnvelope>> Answer(int id, int iid, IncidentResult saved) =>
        saved.Outcome switch
        {
            IncidentOutcome.Done => TypedResults.Ok(ApiEnvelope.Ok(IncidentResponse.Of(saved.Incident!))),
            IncidentOutcome.Invalid => AlertApiResults.Invalid(saved.Errors!),
            _ => NotFound(id, iid),
        };

    private static NotFound<ApiEnvelope> NotFound(int id, int iid) => AlertApiResults.NotFound($"incident {iid} of status page {id}");
}
