using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Api;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Events;
using ProbeDashboard.Core.Hosts;
using ProbeDashboard.Core.Storage;

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
        group.MapPost("/{id:int}/start", (int id, HostCommands commands, ProbeDbContext db, CancellationToken ct) => SetCommandAsync(id, AgentCommand.Start, commands, db, ct))
            .RequireAuthorization(Permissions.ServiceMonitorsWrite);
        group.MapPost("/{id:int}/stop", (int id, HostCommands commands, ProbeDbContext db, CancellationToken ct) => SetCommandAsync(id, AgentCommand.Stop, commands, db, ct))
            .RequireAuthorization(Permissions.ServiceMonitorsWrite);
        group.MapGet("/{id:int}/metrics", HostReportsApi.GetMetrics).RequireAuthorization(Permissions.ServiceMonitorsRead);
        group.MapGet("/{id:int}/components", HostReportsApi.GetComponents).RequireAuthorization(Permissions.ServiceMonitorsRead);
        group.MapGet("/{id:int}/method-calls", HostReportsApi.GetMethodCalls).RequireAuthorization(Permissions.ServiceMonitorsRead);
        group.MapGet("/{id:int}/method-calls/{callId:long}", HostReportsApi.GetMethodCall).RequireAuthorization(Permissions.ServiceMonitorsRead);
    }

    /// <summary>Filters: group_id, status (online/offline), search (name or hostname); paged like seed 001's lists.</summary>
    internal static async Task<Results<Ok<ApiEnvelope<PagedList<HostResponse>>>, BadRequest<ApiEnvelope>>> ListHosts(
        HttpRequest request, ProbeDbContext db, CancellationToken cancellationToken)
    {
        var query = new QueryReader(request.Query);
        var page = query.Int("page", 1, 1, 100_000);
        var pageSize = query.Int("page_size", 20, 1, 500);
        var groupId = query.OptionalInt("group_id", 1, int.MaxValue);
        var status = query.OneOf("status", "online", "offline");
        var search = query.Text("search");
        if (query.HasErrors) return TypedResults.BadRequest(ApiEnvelope.Error(400, "invalid query parameters", query.Errors));

        var hosts = db.Hosts.AsNoTracking();
        if (groupId is not null) hosts = hosts.Where(h => h.GroupId == groupId);
        if (status == "online") hosts = hosts.Where(h => h.IsServer || h.Online);
        if (status == "offline") hosts = hosts.Where(h => !h.IsServer && !h.Online);
        if (search is not null) hosts = hosts.Where(h => h.Name.Contains(search) || h.Hostname.Contains(search));

        var total = await hosts.CountAsync(cancellationToken);
        var rows = await hosts.OrderByDescending(h => h.IsServer).ThenBy(h => h.Name).Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);
        var groups = await GroupNamesAsync(db, rows, cancellationToken);
        var items = rows.Select(h => HostResponse.From(h, h.GroupId is { } g ? groups.GetValueOrDefault(g) : null)).ToList();
        return TypedResults.Ok(ApiEnvelope.Ok(new PagedList<HostResponse>(items, total, page, pageSize)));
    }

    internal static async Task<Results<Ok<ApiEnvelope<HostDetailResponse>>, NotFound<ApiEnvelope>>> GetHost(
        int id, ProbeDbContext db, CancellationToken cancellationToken)
    {
        var host = await db.Hosts.AsNoTracking().SingleOrDefaultAsync(h => h.Id == id, cancellationToken);
        if (host is null) return NotFound(id);
        var groups = await GroupNamesAsync(db, [host], cancellationToken);
        return TypedResults.Ok(ApiEnvelope.Ok(Detail(host, groups)));
    }

    /// <summary>Moves the host into a group (<c>group_id</c>) or out of any (<c>null</c>).</summary>
    internal static async Task<Results<Ok<ApiEnvelope<HostDetailResponse>>, BadRequest<ApiEnvelope>, NotFound<ApiEnvelope>>> UpdateHost(
        int id, UpdateHostRequest? request, HostGroupService groups, ProbeDbContext db, CancellationToken cancellationToken)
    {
        if (request is null) return TypedResults.BadRequest(ApiEnvelope.Error(400, "request body is required"));
        var result = await groups.AssignAsync(id, request.GroupId, cancellationToken);
        if (result.Outcome == HostGroupOutcome.NotFound) return NotFound(id);
        if (result.Outcome == HostGroupOutcome.UnknownGroup)
            return TypedResults.BadRequest(ApiEnvelope.Error(400, "invalid host: group_id",
                new Dictionary<string, string[]> { ["group_id"] = [$"host group {request.GroupId} does not exist"] }));
        var host = await db.Hosts.AsNoTracking().SingleAsync(h => h.Id == id, cancellationToken);
        return TypedResults.Ok(ApiEnvelope.Ok(Detail(host, await GroupNamesAsync(db, [host], cancellationToken))));
    }

    /// <summary>Forgets an agent host with its metrics and reports; its probe results stay in history. The server's host cannot be deleted.</summary>
    internal static async Task<Results<Ok<ApiEnvelope>, NotFound<ApiEnvelope>, Conflict<ApiEnvelope>>> DeleteHost(
        int id, ProbeDbContext db, EventBus events, CancellationToken cancellationToken)
    {
        var host = await db.Hosts.AsNoTracking().SingleOrDefaultAsync(h => h.Id == id, cancellationToken);
        if (host is null) return NotFound(id);
        if (host.IsServer) return TypedResults.Conflict(ApiEnvelope.Error(409, "the server's own host cannot be deleted"));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.HostMetricSamples.Where(s => s.HostId == id).ExecuteDeleteAsync(cancellationToken);
        await db.AgentComponents.Where(c => c.HostId == id).ExecuteDeleteAsync(cancellationToken);
        await db.MethodCallReports.Where(r => r.HostId == id).ExecuteDeleteAsync(cancellationToken);
        await db.Hosts.Where(h => h.Id == id).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        events.Publish(new HostConfigurationChanged(id, Deleted: true));
        return TypedResults.Ok(ApiEnvelope.Success("host deleted"));
    }

    /// <summary>What the agent reads from seed 003's start/stop poll within a second: stop pauses its probing, start resumes it.</summary>
    internal static async Task<Results<Ok<ApiEnvelope<HostResponse>>, NotFound<ApiEnvelope>, Conflict<ApiEnvelope>>> SetCommandAsync(
        int id, AgentCommand command, HostCommands commands, ProbeDbContext db, CancellationToken cancellationToken)
    {
        switch (await commands.SetAsync(id, command, cancellationToken))
        {
            case HostCommandOutcome.NotFound: return NotFound(id);
            case HostCommandOutcome.ServerHost: return TypedResults.Conflict(ApiEnvelope.Error(409, "start/stop applies to agents; pause the server's monitors instead"));
        }
        var host = await db.Hosts.AsNoTracking().SingleAsync(h => h.Id == id, cancellationToken);
        var groups = await GroupNamesAsync(db, [host], cancellationToken);
        return TypedResults.Ok(ApiEnvelope.Ok(HostResponse.From(host, host.GroupId is { } g ? groups.GetValueOrDefault(g) : null)));
    }

    internal static NotFound<ApiEnvelope> NotFound(int id) => TypedResults.NotFound(ApiEnvelope.Error(404, $"host {id} not found"));

    private static HostDetailResponse Detail(ProbeHost host, IReadOnlyDictionary<int, string> groups) => new(
        HostResponse.From(host, host.GroupId is { } g ? groups.GetValueOrDefault(g) : null),
        host.IsServer ? null : AgentDetailsWire.From(host, host.Agent), host.HeartbeatSeconds, host.CreatedAt);

    private static async Task<Dictionary<int, string>> GroupNamesAsync(ProbeDbContext db, IEnumerable<ProbeHost> hosts, CancellationToken cancellationToken)
    {
        var ids = hosts.Where(h => h.GroupId is not null).Select(h => h.GroupId!.Value).Distinct().ToList();
        return ids.Count == 0 ? [] : await db.HostGroups.AsNoTracking().Where(g => ids.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.Name, cancellationToken);
    }
}
