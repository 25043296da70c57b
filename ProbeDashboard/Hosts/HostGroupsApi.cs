using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ProbeDashboard.Api;
using ProbeDashboard.Auth;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Hosts;

namespace ProbeDashboard.Hosts;

public sealed record HostGroupResponse(int Id, string Name, int HostCount);

public sealed record HostGroupRequest(string? Name);

/// <summary>Host groups under /api/v1/host-groups: the targets of <c>execute_on: {"type": "group"}</c>.</summary>
public static class HostGroupsApi
{
    public static void MapHostGroupsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/host-groups");
        group.MapGet("", ListGroups).RequireAuthorization(Permissions.ServiceMonitorsRead);
        group.MapPost("", CreateGroup).RequireAuthorization(Permissions.ServiceMonitorsWrite);
        group.MapPut("/{id:int}", RenameGroup).RequireAuthorization(Permissions.ServiceMonitorsWrite);
        group.MapDelete("/{id:int}", DeleteGroup).RequireAuthorization(Permissions.ServiceMonitorsWrite);
    }

    internal static async Task<Ok<ApiEnvelope<List<HostGroupResponse>>>> ListGroups(ClaimsPrincipal user, HostGroupService groups, CancellationToken cancellationToken)
    {
        var views = await groups.ListAsync(user.ToActor(), cancellationToken);
        return TypedResults.Ok(ApiEnvelope.Ok(views.Select(g => new HostGroupResponse(g.Id, g.Name, g.HostCount)).ToList()));
    }

    internal static async Task<Results<Created<ApiEnvelope<HostGroupResponse>>, BadRequest<ApiEnvelope>, Conflict<ApiEnvelope>>> CreateGroup(
        HostGroupRequest? request, ClaimsPrincipal user, HostGroupService groups, CancellationToken cancellationToken)
    {
        var result = await groups.CreateAsync(user.ToActor(), request?.Name, cancellationToken);
        return result.Outcome switch
        {
            HostGroupOutcome.Done => TypedResults.Created($"/api/v1/host-groups/{result.Group!.Id}", ApiEnvelope.Ok(new HostGroupResponse(result.Group.Id, result.Group.Name, 0))),
            HostGroupOutcome.DuplicateName => Duplicate(request!.Name!.Trim()),
            _ => InvalidName(),
        };
    }

    internal static async Task<Results<Ok<ApiEnvelope<HostGroupResponse>>, BadRequest<ApiEnvelope>, NotFound<ApiEnvelope>, Conflict<ApiEnvelope>>> RenameGroup(
        int id, HostGroupRequest? request, ClaimsPrincipal user, HostGroupService groups, CancellationToken cancellationToken)
    {
        var actor = user.ToActor();
        var result = await groups.RenameAsync(actor, id, request?.Name, cancellationToken);
        return result.Outcome switch
        {
            HostGroupOutcome.Done => TypedResults.Ok(ApiEnvelope.Ok(new HostGroupResponse(id, result.Group!.Name,
                (await groups.ListAsync(actor, cancellationToken)).SingleOrDefault(g => g.Id == id)?.HostCount ?? 0))),
            HostGroupOutcome.NotFound => NotFound(id),
            HostGroupOutcome.DuplicateName => Duplicate(request!.Name!.Trim()),
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

    private static Conflict<ApiEnvelope> Duplicate(string name) => TypedResults.Conflict(ApiEnvelope.Error(409, $"a host group named '{name}' exists"));

    private static NotFound<ApiEnvelope> NotFound(int id) => TypedResults.NotFound(ApiEnvelope.Error(404, $"host group {id} not found"));
}
