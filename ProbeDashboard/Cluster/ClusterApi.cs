using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ProbeDashboard.Api;
using ProbeDashboard.Auth;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Cluster;

namespace ProbeDashboard.Cluster;

/// <summary>
/// One server node: <c>live</c> while its heartbeat is younger than Cluster:FailoverSeconds; <c>rounds_owned</c> are the
/// (monitor, host) rounds it probes; <c>self</c> marks the node that answered; <c>host_id</c> is the host with its machine
/// metrics (<c>/api/v1/hosts/{host_id}</c>; null without a cluster).
/// </summary>
public sealed record ClusterNodeResponse(
    Guid Id, string Name, string Address, string Version, DateTime StartedAt, DateTime LastHeartbeat,
    bool Live, bool Self, int RoundsOwned, double ProbesPerSecond, int? HostId)
{
    public static ClusterNodeResponse From(ClusterNodeView n) =>
        new(n.Id, n.Name, n.Address, n.Version, n.StartedAt, n.LastHeartbeatAt, n.Live, n.IsSelf, n.RoundsOwned, n.ProbesPerSecond, n.HostId);
}

/// <summary><c>cluster</c> is false for a single server (SQLite, or no Cluster:Redis): then <c>nodes</c> is this server alone.</summary>
public sealed record ClusterNodesResponse(bool Cluster, int FailoverSeconds, IReadOnlyList<ClusterNodeResponse> Nodes);

/// <summary><c>/api/v1/cluster</c>: the server nodes sharing this database, for administrators (<see cref="ClusterService"/>).</summary>
public static class ClusterApi
{
    public static void MapClusterApi(this IEndpointRouteBuilder app)
    {
        var cluster = app.MapGroup("/api/v1/cluster").RequireAuthorization(Permissions.Admin).WithTags("Cluster");
        cluster.MapGet("/nodes", GetNodes)
            .WithSummary("Server nodes: heartbeat, liveness, the probe rounds each owns and its probes per second");
    }

    internal static async Task<Ok<ApiEnvelope<ClusterNodesResponse>>> GetNodes(
        ClaimsPrincipal user, ClusterService cluster, CancellationToken cancellationToken)
    {
        var view = await cluster.GetNodesAsync(user.ToActor(), cancellationToken);
        return TypedResults.Ok(ApiEnvelope.Ok(new ClusterNodesResponse(view.Enabled, view.FailoverSeconds,
            [.. view.Nodes.Select(ClusterNodeResponse.From)])));
    }
}
