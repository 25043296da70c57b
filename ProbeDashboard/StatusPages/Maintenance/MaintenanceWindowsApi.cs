using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ProbeDashboard.Alerts;
using ProbeDashboard.Api;
using ProbeDashboard.Auth;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Maintenance;

namespace ProbeDashboard.StatusPages.Maintenance;

/// <summary>Maintenance windows: CRUD through Core's <see cref="MaintenanceWindowService"/> (viewers read, operators and admins write).</summary>
public static class MaintenanceWindowsApi
{
    public static void MapMaintenanceWindowsApi(this IEndpointRouteBuilder app)
    {
        var windows = app.MapGroup("/api/v1/maintenance-windows").WithTags("Maintenance windows");
        windows.MapGet("", ListMaintenanceWindows).RequireAuthorization(Permissions.ServiceMonitorsRead).WithSummary("List maintenance windows");
        windows.MapGet("/{id:int}", GetMaintenanceWindow).RequireAuthorization(Permissions.ServiceMonitorsRead).WithSummary("Get one maintenance window");
        windows.MapPost("", CreateMaintenanceWindow).RequireAuthorization(Permissions.ServiceMonitorsWrite)
            .WithSummary("Create a maintenance window").WithDescription("While a window is active its monitors are probed and stored, but fire no alert and send no notification.");
        windows.MapPut("/{id:int}", UpdateMaintenanceWindow).RequireAuthorization(Permissions.ServiceMonitorsWrite).WithSummary("Replace a maintenance window");
        windows.MapDelete("/{id:int}", DeleteMaintenanceWindow).RequireAuthorization(Permissions.ServiceMonitorsWrite).WithSummary("Delete a maintenance window");
    }

    private static async Task<Ok<ApiEnvelope<List<MaintenanceWindowResponse>>>> ListMaintenanceWindows(
        ClaimsPrincipal user, MaintenanceWindowService windows, TimeProvider time, CancellationToken cancellationToken)
    {
        var found = await windows.ListAsync(user.ToActor(), cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        return TypedResults.Ok(ApiEnvelope.Ok(found.Select(w => MaintenanceWindowResponse.Of(w, now)).ToList()));
    }

    private static async Task<Results<Ok<ApiEnvelope<MaintenanceWindowResponse>>, NotFound<ApiEnvelope>>> GetMaintenanceWindow(
        int id, ClaimsPrincipal user, MaintenanceWindowService windows, TimeProvider time, CancellationToken cancellationToken)
    {
        var window = await windows.GetAsync(user.ToActor(), id, cancellationToken);
        return window is null ? AlertApiResults.NotFound($"maintenance window {id}")
            : TypedResults.Ok(ApiEnvelope.Ok(MaintenanceWindowResponse.Of(window, time.GetUtcNow().UtcDateTime)));
    }

    private static async Task<Results<Created<ApiEnvelope<MaintenanceWindowResponse>>, BadRequest<ApiEnvelope>>> CreateMaintenanceWindow(
        MaintenanceWindowRequest? request, ClaimsPrincipal user, MaintenanceWindowService windows, TimeProvider time, CancellationToken cancellationToken)
    {
        if (request is null) return AlertApiResults.Invalid("body", "request body is required");
        var saved = await windows.CreateAsync(user.ToActor(), request.ToInput(), cancellationToken);
        return saved.Outcome == MaintenanceOutcome.Done
            ? TypedResults.Created($"/api/v1/maintenance-windows/{saved.Window!.Id}", ApiEnvelope.Ok(MaintenanceWindowResponse.Of(saved.Window, time.GetUtcNow().UtcDateTime)))
            : AlertApiResults.Invalid(saved.Errors!);
    }

    private static async Task<Results<Ok<ApiEnvelope<MaintenanceWindowResponse>>, BadRequest<ApiEnvelope>, NotFound<ApiEnvelope>>> UpdateMaintenanceWindow(
        int id, MaintenanceWindowRequest? request, ClaimsPrincipal user, MaintenanceWindowService windows, TimeProvider time, CancellationToken cancellationToken)
    {
        if (request is null) return AlertApiResults.Invalid("body", "request body is required");
        var saved = await windows.UpdateAsync(user.ToActor(), id, request.ToInput(), cancellationToken);
        return saved.Outcome switch
        {
            MaintenanceOutcome.Done => TypedResults.Ok(ApiEnvelope.Ok(MaintenanceWindowResponse.Of(saved.Window!, time.GetUtcNow().UtcDateTime))),
            MaintenanceOutcome.Invalid => AlertApiResults.Invalid(saved.Errors!),
            _ => AlertApiResults.NotFound($"maintenance window {id}"),
        };
    }

    private static async Task<Results<Ok<ApiEnvelope>, NotFound<ApiEnvelope>>> DeleteMaintenanceWindow(
        int id, ClaimsPrincipal user, MaintenanceWindowService windows, CancellationToken cancellationToken)
    {
        var deleted = await windows.DeleteAsync(user.ToActor(), id, cancellationToken);
        return deleted.Outcome == MaintenanceOutcome.Done
            ? TypedResults.Ok(ApiEnvelope.Success("maintenance window deleted"))
            : AlertApiResults.NotFound($"maintenance window {id}");
    }
}
