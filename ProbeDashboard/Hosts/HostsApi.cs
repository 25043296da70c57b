using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ProbeDashboard.Api;
using ProbeDashboard.Auth;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Hosts;

namespace ProbeDashboard.Hosts;

/// <summary>Hosts under /api/v1/hosts: the server and every registered agent, their metrics, reports and start/stop.</summary>
public static class HostsApi
{
    public static void MapHostsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/hosts");
        group.MapGet("", ListHosts).RequireAuthorization(Permissions.ServiceMonitorsRead);
        group.MapGet("/{id:int}", GetHost).RequireAuthorization(Permissions.ServiceMonitorsRead);
        group.MapPut("/{id:int}", UpdateHost).RequireAuthorization(Permissions.ServiceMonitorsWrite);
        group.MapDelete("/{id:int}", DeleteHost).RequireAuthorization(Permissions.Admin);
        group.MapPost("/{id:int}/start", (int id, ClaimsPrincipal user, HostService hosts, CancellationToken ct) => SetCommandAsync(id, AgentCommand.Start, user, hosts, ct))
            .RequireAuthorization(Permissions.ServiceMonitorsWrite);
        group.MapPost("/{id:int}/stop", (int id, ClaimsPrincipal user, HostService hosts, CancellationToken ct) => SetCommandAsync(id, AgentCommand.Stop, user, hosts, ct))
            .RequireAuthorization(Permissions.ServiceMonitorsWrite);
        group.MapGet("/{id:int}/metrics", HostReportsApi.GetMetrics).RequireAuthorization(Permissions.ServiceMonitorsRead);
        group.MapGet("/{id:int}/components", HostReportsApi.GetComponents).RequireAuthorization(Permissions.ServiceMonitorsRead);
        group.MapGet("/{id:int}/method-calls", HostReportsApi.GetMethodCalls).RequireAuthorization(Permissions.ServiceMonitorsRead);
        group.MapGet("/{id:int}/method-calls/{callId:long}", HostReportsApi.GetMethodCall).RequireAuthorization(Permissions.ServiceMonitorsRead);
    }

    /// <summary>Filters: group_id, status (online/offline), search (name or hostname); paged like seed 001's lists.</summary>
    internal static async Task<Results<Ok<ApiEnvelope<PagedList<HostResponse>>>, BadRequest<ApiEnvelope>>> ListHosts(
        HttpRequest request, ClaimsPrincipal user, HostService hosts, CancellationToken cancellationToken)
    {
        var query = new QueryReader(request.Query);
        var page = query.Int("page", 1, 1, 100_000);
        var pageSize = query.Int("page_size", 20, 1, 500);
        var groupId = query.OptionalInt("group_id", 1, int.MaxValue);
        var status = query.OneOf("status", "online", "offline");
        var search = query.Text("search");
        if (query.HasErrors) return TypedResults.BadRequest(ApiEnvelope.Error(400, "invalid query parameters", query.Errors));

        var filter = new HostFilter(groupId, status, search, (page - 1) * pageSize, pageSize);
        var (total, rows) = await hosts.ListAsync(user.ToActor(), filter, cancellationToken);
        var items = rows.Select(HostResponse.From).ToList();
        return TypedResults.Ok(ApiEnvelope.Ok(new PagedList<HostResponse>(items, total, page, pageSize)));
    }

    internal static async Task<Results<Ok<ApiEnvelope<HostDetailResponse>>, NotFound<ApiEnvelope>>> GetHost(
        int id, ClaimsPrincipal user, HostService hosts, CancellationToken cancellationToken) =>
        await hosts.GetAsync(user.ToActor(), id, cancellationToken) is { } host
            ? TypedResults.Ok(ApiEnvelope.Ok(HostDetailResponse.From(host)))
            : NotFound(id);

    /// <summary>Moves the host into a group (<c>group_id</c>) or out of any (<c>null</c>).</summary>
    internal static async Task<Results<Ok<ApiEnvelope<HostDetailResponse>>, BadRequest<ApiEnvelope>, NotFound<ApiEnvelope>, Conflict<ApiEnvelope>>> UpdateHost(
        int id, UpdateHostRequest? request, ClaimsPrincipal user, HostGroupService groups, HostService hosts, CancellationToken cancellationToken)
    {
        if (request is null) return TypedResults.BadRequest(ApiEnvelope.Error(400, "request body is required"));
        var actor = user.ToActor();
        var result = await groups.AssignAsync(actor, id, request.GroupId, cancellationToken);
        if (result.Outcome == HostGroupOutcome.NotFound) return NotFound(id);
        if (result.Outcome == HostGroupOutcome.ClusterNodeHost)
            return TypedResults.Conflict(ApiEnvelope.Error(409, "a cluster node's host only carries that node's own metrics and joins no group"));
        if (result.Outcome == HostGroupOutcome.UnknownGroup)
            return TypedResults.BadRequest(ApiEnvelope.Error(400, "invalid host: group_id",
                new Dictionary<string, string[]> { ["group_id"] = [$"host group {request.GroupId} does not exist"] }));
        return await hosts.GetAsync(actor, id, cancellationToken) is { } host
            ? TypedResults.Ok(ApiEnvelope.Ok(HostDetailResponse.From(host)))
            : NotFound(id);
    }

    /// <summary>Forgets an agent host with its metrics and reports; its probe results stay in history. The server's host cannot be deleted.</summary>
    internal static async Task<Results<Ok<ApiEnvelope>, NotFound<ApiEnvelope>, Conflict<ApiEnvelope>>> DeleteHost(
        int id, ClaimsPrincipal user, HostService hosts, CancellationToken cancellationToken) =>
        await hosts.DeleteAsync(user.ToActor(), id, cancellationToken) switch
        {
            HostCommandOutcome.NotFound => NotFound(id),
            HostCommandOutcome.ServerHost => TypedResults.Conflict(ApiEnvelope.Error(409, "the server's own host cannot be deleted")),
            _ => TypedResults.Ok(ApiEnvelope.Success("host deleted")),
        };

    /// <summary>What the agent reads from seed 003's start/stop poll within a second: stop pauses its probing, start resumes it.</summary>
    internal static async Task<Results<Ok<ApiEnvelope<HostResponse>>, NotFound<ApiEnvelope>, Conflict<ApiEnvelope>>> SetCommandAsync(
        int id, AgentCommand command, ClaimsPrincipal user, HostService hosts, CancellationToken cancellationToken)
    {
        var actor = user.ToActor();
        switch (await hosts.SetCommandAsync(actor, id, command, cancellationToken))
        {
            case HostCommandOutcome.NotFound: return NotFound(id);
            case HostCommandOutcome.ServerHost: return TypedResults.Conflict(ApiEnvelope.Error(409, "start/stop applies to agents; pause the server's monitors instead"));
            case HostCommandOutcome.ClusterNodeHost: return TypedResults.Conflict(ApiEnvelope.Error(409, "start/stop applies to agents; a cluster node's host only carries that node's own metrics"));
        }
        return await hosts.GetAsync(actor, id, cancellationToken) is { } host ? TypedResults.Ok(ApiEnvelope.Ok(HostResponse.From(host))) : NotFound(id);
    }

    internal static NotFound<ApiEnvelope> NotFound(int id) => TypedResults.NotFound(ApiEnvelope.Error(404, $"host {id} not found"));
}
