using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Api;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Hosts;

/// <summary>What a host reported over time: heartbeat history for charts, components (type 17), method calls (type 36).</summary>
internal static class HostReportsApi
{
    private static readonly TimeSpan MaxMetricsSpan = TimeSpan.FromDays(31);

    /// <summary>Heartbeats between <c>start</c> and <c>end</c> (default: the last hour), oldest first, thinned evenly to <c>max_points</c>.</summary>
    public static async Task<Results<Ok<ApiEnvelope<List<HostMetricsWire>>>, BadRequest<ApiEnvelope>, NotFound<ApiEnvelope>>> GetMetrics(
        int id, HttpRequest request, ProbeDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var query = new QueryReader(request.Query);
        var end = query.OptionalTime("end") ?? time.GetUtcNow().UtcDateTime;
        var start = query.OptionalTime("start") ?? end.AddHours(-1);
        var maxPoints = query.Int("max_points", 500, 2, 5000);
        if (start >= end) query.Fail("start", "must be before end");
        else if (end - start > MaxMetricsSpan) query.Fail("start", $"a range spans at most {MaxMetricsSpan.TotalDays:0} days");
        if (query.HasErrors) return TypedResults.BadRequest(ApiEnvelope.Error(400, "invalid query parameters", query.Errors));
        if (!await db.Hosts.AnyAsync(h => h.Id == id, cancellationToken)) return HostsApi.NotFound(id);

        var samples = await db.HostMetricSamples.AsNoTracking()
            .Where(s => s.HostId == id && s.Timestamp >= start && s.Timestamp <= end)
            .OrderBy(s => s.Timestamp).ToListAsync(cancellationToken);
        var step = Math.Max(1, (int)Math.Ceiling(samples.Count / (double)maxPoints));
        var points = samples.Where((_, i) => i % step == 0).Select(HostMetricsWire.From).ToList();
        return TypedResults.Ok(ApiEnvelope.Ok(points));
    }

    public static async Task<Results<Ok<ApiEnvelope<PagedList<ComponentResponse>>>, BadRequest<ApiEnvelope>, NotFound<ApiEnvelope>>> GetComponents(
        int id, HttpRequest request, ProbeDbContext db, CancellationToken cancellationToken)
    {
        var query = new QueryReader(request.Query);
        var (page, pageSize) = (query.Int("page", 1, 1, 100_000), query.Int("page_size", 50, 1, 500));
        if (query.HasErrors) return TypedResults.BadRequest(ApiEnvelope.Error(400, "invalid query parameters", query.Errors));
        if (!await db.Hosts.AnyAsync(h => h.Id == id, cancellationToken)) return HostsApi.NotFound(id);

        var components = db.AgentComponents.AsNoTracking().Where(c => c.HostId == id);
        var total = await components.CountAsync(cancellationToken);
        var items = await components.OrderBy(c => c.PackageName).ThenBy(c => c.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(c => new ComponentResponse(c.Id, c.PackagePath, c.PackageName, c.PackageSignature, c.PackageAlgorithm, c.FirstSeenAt, c.LastSeenAt))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(ApiEnvelope.Ok(new PagedList<ComponentResponse>(items, total, page, pageSize)));
    }

    /// <summary>Newest first; filter by <c>uri</c> (substring).</summary>
    public static async Task<Results<Ok<ApiEnvelope<PagedList<MethodCallSummary>>>, BadRequest<ApiEnvelope>, NotFound<ApiEnvelope>>> GetMethodCalls(
        int id, HttpRequest request, ProbeDbContext db, CancellationToken cancellationToken)
    {
        var query = new QueryReader(request.Query);
        var (page, pageSize) = (query.Int("page", 1, 1, 100_000), query.Int("page_size", 50, 1, 500));
        var uri = query.Text("uri");
        if (query.HasErrors) return TypedResults.BadRequest(ApiEnvelope.Error(400, "invalid query parameters", query.Errors));
        if (!await db.Hosts.AnyAsync(h => h.Id == id, cancellationToken)) return HostsApi.NotFound(id);

        var calls = db.MethodCallReports.AsNoTracking().Where(r => r.HostId == id);
        if (uri is not null) calls = calls.Where(r => r.Uri.Contains(uri));
        var total = await calls.CountAsync(cancellationToken);
        var items = await calls.OrderByDescending(r => r.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(r => new MethodCallSummary(r.Id, r.ReceivedAt, r.Method, r.Uri, r.Url, r.ClientIp, r.Language, r.PoolSize))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(ApiEnvelope.Ok(new PagedList<MethodCallSummary>(items, total, page, pageSize)));
    }

    public static async Task<Results<Ok<ApiEnvelope<MethodCallResponse>>, NotFound<ApiEnvelope>>> GetMethodCall(
        int id, long callId, ProbeDbContext db, CancellationToken cancellationToken)
    {
        var call = await db.MethodCallReports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == callId && r.HostId == id, cancellationToken);
        if (call is null) return TypedResults.NotFound(ApiEnvelope.Error(404, $"method-call report {callId} of host {id} not found"));
        var summary = new MethodCallSummary(call.Id, call.ReceivedAt, call.Method, call.Uri, call.Url, call.ClientIp, call.Language, call.PoolSize);
        using var detail = JsonDocument.Parse(call.DetailJson);
        return TypedResults.Ok(ApiEnvelope.Ok(new MethodCallResponse(summary, detail.RootElement.Clone())));
    }
}
