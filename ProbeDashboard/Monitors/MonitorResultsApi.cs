using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Api;
using ProbeDashboard.Core.Availability;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Monitors;

/// <summary>§2.1 one probe result; latency in seconds.</summary>
public sealed record ProbeHistoryItem(
    long Id, int ServiceMonitorId, int HostId, string? HostName, DateTime Timestamp, bool Success,
    double Latency, int StatusCode, string? ErrorMessage);

/// <summary>§2.2 one period; latencies in seconds over the successful probes, null when none succeeded.</summary>
public sealed record AvailabilityItem(
    string Period, DateTime StartTime, int TotalProbes, int SuccessProbes, int FailProbes,
    double? Availability, double? AvgLatency, double? MinLatency, double? MaxLatency);

internal static class MonitorResultsApi
{
    /// <summary>§2.1: newest first, at most <c>limit</c> results.</summary>
    public static async Task<Results<Ok<ApiEnvelope<List<ProbeHistoryItem>>>, BadRequest<ApiEnvelope>, NotFound<ApiEnvelope>>> GetProbeHistory(
        int id, HttpRequest request, ProbeDbContext db, CancellationToken cancellationToken)
    {
        var query = new QueryReader(request.Query);
        var start = query.OptionalTime("start");
        var end = query.OptionalTime("end");
        var hostId = query.OptionalInt("host_id", 1, int.MaxValue);
        var status = query.OneOf("status", "success", "fail");
        var limit = query.Int("limit", 100, 1, 1000);
        if (start > end) query.Fail("start", "must not be after end");
        if (query.HasErrors) return MonitorResults.Invalid(query.Errors, "invalid query parameters");
        if (!await db.Monitors.AnyAsync(m => m.Id == id, cancellationToken)) return MonitorResults.NotFound(id);

        var results = db.ProbeResults.AsNoTracking().Where(r => r.MonitorId == id);
        if (start is not null) results = results.Where(r => r.Timestamp >= start);
        if (end is not null) results = results.Where(r => r.Timestamp <= end);
        if (hostId is not null) results = results.Where(r => r.HostId == hostId);
        if (status is not null) results = results.Where(r => r.Success == (status == "success"));

        var rows = await results.OrderByDescending(r => r.Timestamp).ThenByDescending(r => r.Id).Take(limit)
            .Select(r => new
            {
                r.Id, r.MonitorId, r.HostId, HostName = db.Hosts.Where(h => h.Id == r.HostId).Select(h => h.Name).FirstOrDefault(),
                r.Timestamp, r.Success, r.LatencyMs, r.StatusCode, r.ErrorMessage,
            })
            .ToListAsync(cancellationToken);
        var items = rows.Select(r => new ProbeHistoryItem(r.Id, r.MonitorId, r.HostId, r.HostName, r.Timestamp, r.Success,
            WireNumbers.Seconds(r.LatencyMs), r.StatusCode, r.ErrorMessage)).ToList();
        return TypedResults.Ok(ApiEnvelope.Ok(items));
    }

    /// <summary>§2.2: defaults to the last 24 h of hours (30 days of days, 12 weeks, 12 months); <c>host_id</c> splits it per host.</summary>
    public static async Task<Results<Ok<ApiEnvelope<List<AvailabilityItem>>>, BadRequest<ApiEnvelope>, NotFound<ApiEnvelope>>> GetAvailability(
        int id, HttpRequest request, ProbeDbContext db, AvailabilityQueries availability, TimeProvider time, CancellationToken cancellationToken)
    {
        var query = new QueryReader(request.Query);
        var periodText = query.OneOf("period", "hour", "day", "week", "month") ?? "hour";
        AvailabilityPeriods.TryParse(periodText, out var period);
        var end = query.OptionalTime("end") ?? time.GetUtcNow().UtcDateTime;
        var start = query.OptionalTime("start") ?? end - period.DefaultSpan();
        var hostId = query.OptionalInt("host_id", 1, int.MaxValue);
        if (start >= end) query.Fail("start", "must be before end");
        else if (end - start > period.MaxSpan()) query.Fail("start", $"a {periodText} series spans at most {period.MaxSpan().TotalDays:0} days");
        if (query.HasErrors) return MonitorResults.Invalid(query.Errors, "invalid query parameters");
        if (!await db.Monitors.AnyAsync(m => m.Id == id, cancellationToken)) return MonitorResults.NotFound(id);

        var points = await availability.GetSeriesAsync(id, period, start, end, hostId, cancellationToken);
        var items = points.Select(p => new AvailabilityItem(periodText, p.Start, p.Total, p.Successes, p.Failures,
            WireNumbers.Percent(p.AvailabilityPercent), WireNumbers.Seconds(p.AverageLatencyMs),
            WireNumbers.Seconds(p.LatencyMinMs), WireNumbers.Seconds(p.LatencyMaxMs))).ToList();
        return TypedResults.Ok(ApiEnvelope.Ok(items));
    }
}
