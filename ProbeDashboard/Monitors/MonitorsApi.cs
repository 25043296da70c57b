using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ProbeDashboard.Api;
using ProbeDashboard.Auth;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Push;

namespace ProbeDashboard.Monitors;

/// <summary>Seed 001 §1 (service monitors) and §2 (their results) under /api/v1/service-monitors.</summary>
public static class MonitorsApi
{
    private const string Origin = "api";

    public static void MapMonitorsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/service-monitors");
        group.MapPost("", CreateMonitor).RequireAuthorization(Permissions.ServiceMonitorsWrite);
        group.MapGet("", MonitorListApi.ListMonitors).RequireAuthorization(Permissions.ServiceMonitorsRead);
        group.MapGet("/status-counts", MonitorCountsApi.GetStatusCounts).RequireAuthorization(Permissions.ServiceMonitorsRead)
            .WithSummary("Monitors per shown status, as the overview's cards count them: online, offline, paused, unknown, maintenance (in an active window), total");
        group.MapGet("/{id:int}", GetMonitor).RequireAuthorization(Permissions.ServiceMonitorsRead);
        group.MapPut("/{id:int}", UpdateMonitor).RequireAuthorization(Permissions.ServiceMonitorsWrite);
        group.MapDelete("/{id:int}", DeleteMonitor).RequireAuthorization(Permissions.ServiceMonitorsWrite);
        group.MapPatch("/{id:int}/toggle", ToggleMonitor).RequireAuthorization(Permissions.ServiceMonitorsWrite);
        group.MapGet("/{id:int}/probe-history", MonitorResultsApi.GetProbeHistory).RequireAuthorization(Permissions.ServiceMonitorsRead);
        group.MapGet("/{id:int}/availability", MonitorResultsApi.GetAvailability).RequireAuthorization(Permissions.ServiceMonitorsRead)
            .WithDescription("Availability per period (period=hour|day|week|month, start, end, host_id). Probes inside maintenance windows "
                + "are left out of the counts and the availability by default (maintenance_probes says how many); include_maintenance=true counts them in.");
        group.MapPost("/{id:int}/push-token/rotate", PushApi.RotatePushToken).RequireAuthorization(Permissions.ServiceMonitorsWrite);
    }

    internal static async Task<Results<Created<ApiEnvelope<MonitorResponse>>, BadRequest<ApiEnvelope>>> CreateMonitor(
        MonitorRequest? request, ClaimsPrincipal user, MonitorService monitors, CancellationToken cancellationToken)
    {
        if (request is null) return MonitorResults.MissingBody();
        var result = await monitors.CreateAsync(user.ToActor(), request.ToInput(), Origin, cancellationToken);
        if (result.Monitor is not { } monitor) return MonitorResults.Invalid(result.Errors);
        return TypedResults.Created($"/api/v1/service-monitors/{monitor.Id}", ApiEnvelope.Ok(MonitorResponse.From(monitor).WithPush(monitor, showPushUrl: true)));
    }

    internal static async Task<Results<Ok<ApiEnvelope<MonitorResponse>>, NotFound<ApiEnvelope>>> GetMonitor(
        int id, ClaimsPrincipal user, MonitorQueries monitors, CancellationToken cancellationToken)
    {
        var detail = await monitors.GetDetailAsync(user.ToActor(), id, cancellationToken);
        if (detail is null) return MonitorResults.NotFound(id);
        var actor = user.ToActor();
        var response = MonitorResponse.From(detail.Monitor, detail.GroupName, detail.Statistics) with
        {
            AlertReaches = detail.AlertReaches,
            Certificate = detail.Certificate is { } certificate ? CertificateWire.From(certificate) : null,
        };
        // The push URL is the secret a job pings with: readers see the schedule, writers also see the URL.
        return TypedResults.Ok(ApiEnvelope.Ok(response.WithPush(detail.Monitor, actor.Can(Permissions.ServiceMonitorsWrite))));
    }

    internal static async Task<Results<Ok<ApiEnvelope<MonitorResponse>>, BadRequest<ApiEnvelope>, NotFound<ApiEnvelope>>> UpdateMonitor(
        int id, MonitorRequest? request, ClaimsPrincipal user, MonitorService monitors, CancellationToken cancellationToken)
    {
        if (request is null) return MonitorResults.MissingBody();
        var result = await monitors.UpdateAsync(user.ToActor(), id, request.ToInput(), cancellationToken);
        if (result.NotFound) return MonitorResults.NotFound(id);
        if (result.Monitor is not { } monitor) return MonitorResults.Invalid(result.Errors);
        return TypedResults.Ok(ApiEnvelope.Ok(MonitorResponse.From(monitor).WithPush(monitor, showPushUrl: true)));
    }

    internal static async Task<Results<Ok<ApiEnvelope>, NotFound<ApiEnvelope>>> DeleteMonitor(
        int id, ClaimsPrincipal user, MonitorService monitors, CancellationToken cancellationToken) =>
        await monitors.DeleteAsync(user.ToActor(), id, cancellationToken)
            ? TypedResults.Ok(ApiEnvelope.Success("服务探测规则已删除"))
            : MonitorResults.NotFound(id);

    internal static async Task<Results<Ok<ApiEnvelope>, BadRequest<ApiEnvelope>, NotFound<ApiEnvelope>>> ToggleMonitor(
        int id, ToggleRequest? request, ClaimsPrincipal user, MonitorService monitors, CancellationToken cancellationToken)
    {
        if (request?.Enable is not { } enable)
            return MonitorResults.Invalid(new Dictionary<string, string[]> { ["enable"] = ["is required (true or false)"] }, "invalid toggle");
        if (!await monitors.SetEnabledAsync(user.ToActor(), id, enable, cancellationToken)) return MonitorResults.NotFound(id);
        return TypedResults.Ok(ApiEnvelope.Success(enable ? "服务探测规则已启用" : "服务探测规则已禁用"));
    }
}
