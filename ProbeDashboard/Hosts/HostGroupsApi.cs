using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Api;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Events;
using ProbeDashboard.Core.Hosts;
using ProbeDashboard.Core.Monitors;
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
        HostGroupRequest? request, ProbeDbContext db, CancellationToken cancellationToken)
    {
        if (ValidName(request) is not { } name) return InvalidName();
        if (await db.HostGroups.AnyAsync(g => g.Name == name, cancellationToken)) return Duplicate(name);
        var group = new HostGroup { Name = name };
        db.HostGroups.Add(group);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/host-groups/{group.Id}", ApiEnvelope.Ok(new HostGroupResponse(group.Id, group.Name, 0)));
    }

    internal static async Task<Results<Ok<ApiEnvelope<HostGroupResponse>>, BadRequest<ApiEnvelope>, NotFound<ApiEnvelope>, Conflict<ApiEnvelope>>> RenameGroup(
        int id, HostGroupRequest? request, ProbeDbContext db, CancellationToken cancellationToken)
    {
        if (ValidName(request) is not { } name) return InvalidName();
        var group = await db.HostGroups.SingleOrDefaultAsync(g => g.Id == id, cancellationToken);
        if (group is null) return NotFound(id);
        if (await db.HostGroups.AnyAsync(g => g.Name == name && g.Id != id, cancellationToken)) return Duplicate(name);
        group.Name = name;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ApiEnvelope.Ok(new HostGroupResponse(group.Id, group.Name, await db.Hosts.CountAsync(h => h.GroupId == id, cancellationToken))));
    }

    /// <summary>Refused while a monitor runs on the group; its hosts become ungrouped.</summary>
    internal static async Task<Results<Ok<ApiEnvelope>, NotFound<ApiEnvelope>, Conflict<ApiEnvelope>>> DeleteGroup(
        int id, ProbeDbContext db, EventBus events, CancellationToken cancellationToken)
    {
        if (!await db.HostGroups.AnyAsync(g => g.Id == id, cancellationToken)) return NotFound(id);
        var users = await db.Monitors.Where(m => m.ExecuteOn == ExecuteOnKind.Group && m.ExecuteOnGroupId == id).Select(m => m.Id).ToListAsync(cancellationToken);
        if (users.Count > 0)
            return TypedResults.Conflict(ApiEnvelope.Error(409, $"host group {id} is used by monitors {string.Join(", ", users)}; move them first"));
        var members = await db.Hosts.Where(h => h.GroupId == id).Select(h => h.Id).ToListAsync(cancellationToken);
        await db.Hosts.Where(h => h.GroupId == id).ExecuteUpdateAsync(s => s.SetProperty(h => h.GroupId, (int?)null), cancellationToken);
        await db.HostGroups.Where(g => g.Id == id).ExecuteDeleteAsync(cancellationToken);
        foreach (var hostId in members) events.Publish(new HostConfigurationChanged(hostId, Deleted: false));
        return TypedResults.Ok(ApiEnvelope.Success("host group deleted"));
    }

    private static string? ValidName(HostGroupRequest? request) =>
        request?.Name?.Trim() is { Length: > 0 and <= 200 } name ? name : null;

    private static BadRequest<ApiEnvelope> InvalidName() => TypedResults.BadRequest(ApiEnvelope.Error(400, "invalid host group: name",
        new Dictionary<string, string[]> { ["name"] = ["is required, at most 200 characters"] }));

    private static Conflict<ApiEnvelope> Duplicate(string name) => TypedResults.Conflict(ApiEnvelope.Error(409, $"a host group named '{name}' exists"));

    private static NotFound<ApiEnvelope> NotFound(int id) => TypedResults.NotFound(ApiEnvelope.Error(404, $"host group {id} not found"));
}
