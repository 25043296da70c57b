using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Api;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Hosts;
using ProbeDashboard.Core.Storage;

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

    internal static async Task<Ok<ApiEnvelope<List<HostGroupResponse>>>> ListGroups(ProbeDbContext db, CancellationToken cancellationToken)
    {
        var groups = await db.HostGroups.AsNoTracking().OrderBy(g => g.Name)
            .Select(g => new HostGroupResponse(g.Id, g.Name, db.Hosts.Count(h => h.GroupId == g.Id)))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(ApiEnvelope.Ok(groups));
    }

    internal static async Task<Results<Created<ApiEnvelope<HostGroupResponse>>, BadRequest<ApiEnvelope>, Conflict<ApiEnvelope>>> CreateGroup(
        HostGroupRequest? request, HostGroupService groups, CancellationToken cancellationToken)
    {
        var result = await groups.CreateAsync(request?.Name, cancellationToken);
        return result.Outcome switch
        {
            HostGroupOutcome.Done => TypedResults.Created($"/api/v1/host-groups/{result.Group!.Id}", ApiEnvelope.Ok(new HostGroupResponse(result.Group.Id, result.Group.Name, 0))),
            HostGroupOutcome.DuplicateName => Duplicate(request!.Name!.Trim()),
            _ => InvalidName(),
        };
    }

    internal static async Task<Results<Ok<ApiEnvelope<HostGroupResponse>>, BadRequest<ApiEnvelope>, NotFound<ApiEnvelope>, Conflict<ApiEnvelope>>> RenameGroup(
        int id, HostGroupRequest? request, HostGroupService groups, ProbeDbContext db, CancellationToken cancellationToken)
    {
        var result = await groups.RenameAsync(id, request?.Name, cancellationToken);
        return result.Outcome switch
        {
            HostGroupOutcome.Done => TypedResults.Ok(ApiEnvelope.Ok(new HostGroupResponse(id, result.Group!.Name, await db.Hosts.CountAsync(h => h.GroupId == id, cancellationToken)))),
            HostGroupOutcome.NotFound => NotFound(id),
            HostGroupOutcome.DuplicateName => Duplicate(request!.Name!.Trim()),
            _ => InvalidName(),
        };
    }

    /// <summary>Refused while a monitor runs on the group; its hosts become ungrouped.</summary>
    internal static async Task<Results<Ok<ApiEnvelope>, NotFound<ApiEnvelope>, Conflict<ApiEnvelope>>> DeleteGroup(
        int id, HostGroupService groups, CancellationToken cancellationToken)
    {
        var result = await groups.DeleteAsync(id, cancellationToken);
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
