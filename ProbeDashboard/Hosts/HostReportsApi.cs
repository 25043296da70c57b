using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using ProbeDashboard.Api;
using ProbeDashboard.Auth;
using ProbeDashboard.Core.Hosts;

namespace ProbeDashboard.Hosts;

/// <summary>What a host reported over time: heartbeat history for charts, components (type 17), method calls (type 36).</summary>
internal static class HostReportsApi
{
    private static readonly TimeSpan MaxMetricsSpan = TimeSpan.FromDays(31);

    /// <summary>Heartbeats between <c>start</c> and <c>end</c> (default: the last hour), oldest first, thinned evenly to <c>max_points</c>.</summary>
    public static async Task<Results<Ok<ApiEnvelope<List<HostMetricsWire>>>, BadRequest<ApiEnvelope>, NotFound<ApiEnvelope>>> GetMetrics(
        int id, HttpRequest request, ClaimsPrincipal user, HostService hosts, TimeProvider time, CancellationToken cancellationToken)
    {
        var query = new QueryReader(request.Query);
        var end = query.OptionalTime("end") ?? time.GetUtcNow().UtcDateTime;
        var start = query.OptionalTime("start") ?? end.AddHours(-1);
        var maxPoints = query.Int("max_points", 500, 2, 5000);
        if (start >= end) query.Fail("start", "must be before end");
        else if (end - start > MaxMetricsSpan) query.Fail("start", $"a range spans at most {MaxMetricsSpan.TotalDays:0} days");
        if (query.HasErrors) return TypedResults.BadRequest(ApiEnvelope.Error(400, "invalid query parameters", query.Errors));

        var samples = await hosts.MetricsAsync(user.ToActor(), id, start, end, maxPoints, cancellationToken);
        return samples is null ? HostsApi.NotFound(id) : TypedResults.Ok(ApiEnvelope.Ok(samples.Select(HostMetricsWire.From).ToList()));
    }

    public static async Task<Results<Ok<ApiEnvelope<PagedList<ComponentResponse>>>, BadRequest<ApiEnvelope>, NotFound<ApiEnvelope>>> GetComponents(
        int id, HttpRequest request, ClaimsPrincipal user, HostService hosts, CancellationToken cancellationToken)
    {
        var query = new QueryReader(request.Query);
        var (page, pageSize) = (query.Int("page", 1, 1, 100_000), query.Int("page_size", 50, 1, 500));
        if (query.HasErrors) return TypedResults.BadRequest(ApiEnvelope.Error(400, "invalid query parameters", query.Errors));

        if (await hosts.ComponentsAsync(user.ToActor(), id, (page - 1) * pageSize, pageSize, cancellationToken) is not var (total, rows))
            return HostsApi.NotFound(id);
        var items = rows.Select(c => new ComponentResponse(c.Id, c.PackagePath, c.PackageName, c.PackageSignature, c.PackageAlgorithm, c.FirstSeenAt, c.LastSeenAt)).ToList();
        return TypedResults.Ok(ApiEnvelope.Ok(new PagedList<ComponentResponse>(items, total, page, pageSize)));
    }

    /// <summary>Newest first; filter by <c>uri</c> (substring).</summary>
    public static async Task<Results<Ok<ApiEnvelope<PagedList<MethodCallSummary>>>, BadRequest<ApiEnvelope>, NotFound<ApiEnvelope>>> GetMethodCalls(
        int id, HttpRequest request, ClaimsPrincipal user, HostService hosts, CancellationToken cancellationToken)
    {
        var query = new QueryReader(request.Query);
        var (page, pageSize) = (query.Int("page", 1, 1, 100_000), query.Int("page_size", 50, 1, 500));
        var uri = query.Text("uri");
        if (query.HasErrors) return TypedResults.BadRequest(ApiEnvelope.Error(400, "invalid query parameters", query.Errors));

        if (await hosts.MethodCallsAsync(user.ToActor(), id, uri, (page - 1) * pageSize, pageSize, cancellationToken) is not var (total, rows))
            return HostsApi.NotFound(id);
        return TypedResults.Ok(ApiEnvelope.Ok(new PagedList<MethodCallSummary>(rows.Select(MethodCallSummary.From).ToList(), total, page, pageSize)));
    }

    public static async Task<Results<Ok<ApiEnvelope<MethodCallResponse>>, NotFound<ApiEnvelope>>> GetMethodCall(
        int id, long callId, ClaimsPrincipal user, HostService hosts, CancellationToken cancellationToken)
    {
        var call = await hosts.MethodCallAsync(user.ToActor(), id, callId, cancellationToken);
        if (call is null) return TypedResults.NotFound(ApiEnvelope.Error(404, $"method-call report {callId} of host {id} not found"));
        using var detail = JsonDocument.Parse(call.DetailJson);
        return TypedResults.Ok(ApiEnvelope.Ok(new MethodCallResponse(MethodCallSummary.From(call), detail.RootElement.Clone())));
    }
}
