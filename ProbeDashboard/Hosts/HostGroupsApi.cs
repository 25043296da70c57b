using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ProbeDashboard.Api;
using ProbeDashboard.Auth;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Hosts;

namespace ProbeDashboard.Hosts;

/// <param name="DependsOn">Monitor ids the group's hosts depend on (the site's uplink): while one of them, or a monitor
/// above it in its chain, is offline, host-metric alerts of the group's hosts are created suppressed and notify nobody.</param>
public sealed record HostGroupResponse(int Id, string Name, int HostCount, IReadOnlyList<int> DependsOn);

/// <param name="DependsOn">Replaces the group's dependencies (monitor ids); omitted or null keeps them as they are.</param>
public sealed record HostGroupRequest(string? Name, IReadOnlyList<int>? DependsOn = null);

/// <summary>Host groups under /api/v1/host-groups: the targets of <c>execute_on: {"type": "group"}</c>.</summary>
public static class HostGroupsApi
{
    public static void MapHostGroupsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/host-groups");
        group.MapGet("", ListGroups).RequireAuthorization(Permissions.ServiceMonitorsRead)
            .WithSummary("List host groups").WithDescription("Each group with its host count and depends_on (monitor ids).");
        group.MapPost("", CreateGroup).RequireAuthorization(Permissions.ServiceMonitorsWrite)
            .WithSummary("Create a host group").WithDescription(DependsOnDescription);
        group.MapPut("/{id:int}", RenameGroup).RequireAuthorization(Permissions.ServiceMonitorsWrite)
            .WithSummary("Rename a host group or replace its depends_on").WithDescription(DependsOnDescription + " Omit depends_on to keep it.");
        group.MapDelete("/{id:int}", DeleteGroup).RequireAuthorization(Permissions.ServiceMonitorsWrite);
    }

    private const string DependsOnDescription =
        "depends_on lists monitor ids the group's hosts depend on (e.g. the site's uplink). While one of them, or a monitor it depends on, "
        + "is offline, host-metric alert events of the group's hosts are created suppressed (\"suppressed by <root cause>\") and notify nobody; "
        + "when the monitor recovers and the host still fails, the event fires normally. An unknown id is a 400 naming it.";

    internal static async Task<Ok<ApiEnvelope<List<HostGroupResponse>>>> ListGroups(ClaimsPrincipal user, HostGroupService groups, CancellationToken cancellationToken)
    {
        var views = await groups.ListAsync(user.ToActor(), cancellationToken);
        return TypedResults.Ok(ApiEnvelope.Ok(views.Select(g => new HostGroupResponse(g.Id, g.Name, g.HostCount, g.DependsOn)).ToList()));
    }

    internal static async Task<Results<Created<ApiEnvelope<HostGroupResponse>>, BadRequest<ApiEnvelope>, Conflict<ApiEnvelope>>> CreateGroup(
        HostGroupRequest? request, ClaimsPrincipal user, HostGroupService groups, CancellationToken cancellationToken)
    {
        var result = await groups.CreateAsync(user.ToActor(), request?.Name, cancellationToken, request?.DependsOn);
        return result.Outcome switch
        {
            HostGroupOutcome.Done => TypedResults.Created($"/api/v1/host-groups/{result.Group!.Id}",
                ApiEnvelope.Ok(new HostGroupResponse(result.Group.Id, result.Group.Name, 0, result.Group.DependsOn))),
            HostGroupOutcome.DuplicateName => Duplicate(request!.Name!.Trim()),
            HostGroupOutcome.InvalidDependsOn => InvalidDependsOn(result.Problem!),
            _ => InvalidName(),
        };
    }

    internal static async Task<Results<Ok<ApiEnvelope<HostGroupResponse>>, BadRequest<ApiEnvelope>, NotFound<ApiEnvelope>, Conflict<ApiEnvelope>>> RenameGroup(
        int id, HostGroupRequest? request, ClaimsPrincipal user, HostGroupService groups, CancellationToken cancellationToken)
    {
        var actor = user.ToActor();
        var result = await groups.UpdateAsync(actor, id, request?.Name, request?.DependsOn, cancellationToken);
        return result.Outcome switch
        {
            HostGroupOutcome.Done => TypedResults.Ok(ApiEnvelope.Ok(new HostGroupResponse(id, result.Group!.Name,
                (await groups.ListAsync(actor, cancellationToken)).SingleOrDefault(g => g.Id == id)?.HostCount ?? 0, result.Group.DependsOn))),
            HostGroupOutcome.NotFound => NotFound(id),
            HostGroupOutcome.DuplicateName => Duplicate(request!.Name!.Trim()),
            HostGroupOutcome.InvalidDependsOn => InvalidDependsOn(result.Problem!),
            _ => InvalidName(),
        };
    }

    /// <summary>Refused while a monitor runs on the group; its hosts become ungrouped.</summary>
    internal static async Task<Results<Ok<ApiEnvelope>, NotFound<ApiEnvelope>, Conflict<ApiEnvelope>>> DeleteGroup(
        int id, ClaimsPrincipal user, HostGroupService groups, CancellationToken cancellationToken)
    {
        var result = await groups.DeleteAsync(user.ToActor(), id, cancellationToken);
        return result.Outcome switch
        {
            HostGroupOutcome.Done => TypedResults.Ok(ApiEnvelope.Success("host group deleted")),
            HostGroupOutcome.InUse => TypedResults.Conflict(ApiEnvelope.Error(409, $"host group {id} is used by monitors {string.Join(", ", result.UsedByMonitors!)}; move them first")),
            _ => NotFound(id),
        };
    }

    private static BadRequest<ApiEnvelope> InvalidName() => TypedResults.BadRequest(ApiEnvelope.Error(400, "invalid host group: name",
        new Dictionary<string, string[]> { ["name"] = ["is required, at most 200 characters"] }));

    private static BadRequest<ApiEnvelope> InvalidDependsOn(string problem) => TypedResults.BadRequest(ApiEnvelope.Error(400, $"invalid host group: depends_on {problem}",
        new Dictionary<string, string[]> { ["depends_on"] = [problem] }));

    private static Conflict<ApiEnvelope> Duplicate(string name) => TypedResults.Conflict(ApiEnvelope.Error(409, $"a host group named '{name}' exists"));

    private static NotFound<ApiEnvelope> NotFound(int id) => TypedResults.NotFound(ApiEnvelope.Error(404, $"host group {id} not found"));
}
