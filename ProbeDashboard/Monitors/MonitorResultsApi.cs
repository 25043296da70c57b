using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ProbeDashboard.Api;
using ProbeDashboard.Auth;
using ProbeDashboard.Core.Availability;
using ProbeDashboard.Core.Monitors;

namespace ProbeDashboard.Monitors;

/// <summary>§2.1 one probe result; latency in seconds.</summary>
public sealed record ProbeHistoryItem(
    long Id, int ServiceMonitorId, int HostId, string? HostName, DateTime Timestamp, bool Success,
    double Latency, int StatusCode, string? ErrorMessage);

/// <summary>§2.2 one period; latencies in seconds over the successful probes, null when none succeeded.</summary>
/// <param name="MaintenanceProbes">
/// Probes that fell inside a maintenance window. By default they are left out of the other counts and the availability
/// (planned work does not count against the SLA); with <c>include_maintenance=true</c> they are counted in.
/// </param>
public sealed record AvailabilityItem(
    string Period, DateTime StartTime, int TotalProbes, int SuccessProbes, int FailProbes,
    double? Availability, double? AvgLatency, double? MinLatency, double? MaxLatency, int MaintenanceProbes = 0);

internal static class MonitorResultsApi
{
    /// <summary>§2.1: newest first, at most <c>limit</c> results.</summary>
    public static async Task<Results<Ok<ApiEnvelope<List<ProbeHistoryItem>>>, BadRequest<ApiEnvelope>, NotFound<ApiEnvelope>>> GetProbeHistory(
        int id, HttpRequest request, ClaimsPrincipal user, MonitorQueries monitors, CancellationToken cancellationToken)
    {
        var query = new QueryReader(request.Query);
        var start = query.OptionalTime("start");
        var end = query.OptionalTime("end");
        var hostId = query.OptionalInt("host_id", 1, int.MaxValue);
        var status = query.OneOf("status", "success", "fail");
        var limit = query.Int("limit", 100, 1, 1000);
        if (start > end) query.Fail("start", "must not be after end");
        if (query.HasErrors) return MonitorResults.Invalid(query.Errors, "invalid query parameters");
        var history = await monitors.GetHistoryAsync(user.ToActor(), id,
            new ProbeHistoryFilter(start, end, hostId, status is null ? null : status == "success"), skip: 0, take: limit, cancellationToken);
        if (history is null) return MonitorResults.NotFound(id);
        var items = history.Rows.Select(r => new ProbeHistoryItem(r.Id, r.MonitorId, r.HostId, r.HostName, r.Timestamp, r.Success,
            WireNumbers.Seconds(r.LatencyMs), r.StatusCode, r.ErrorMessage)).ToList();
        return TypedResults.Ok(ApiEnvelope.Ok(items));
    }

    /// <summary>
    /// §2.2: defaults to the last 24 h of hours (30 days of days, 12 weeks, 12 months); <c>host_id</c> splits it per host;
    /// probes inside maintenance windows are left out unless <c>include_maintenance=true</c>.
    /// </summary>
    public static async Task<Results<Ok<ApiEnvelope<List<AvailabilityItem>>>, BadRequest<ApiEnvelope>, NotFound<ApiEnvelope>>> GetAvailability(
        int id, HttpRequest request, ClaimsPrincipal user, MonitorQueries monitors, TimeProvider time, CancellationToken cancellationToken)
    {
        var query = new QueryReader(request.Query);
        var periodText = query.OneOf("period", "hour", "day", "week", "month") ?? "hour";
        AvailabilityPeriods.TryParse(periodText, out var period);
        var end = query.OptionalTime("end") ?? time.GetUtcNow().UtcDateTime;
        var start = query.OptionalTime("start") ?? end - period.DefaultSpan();
        var hostId = query.OptionalInt("host_id", 1, int.MaxValue);
        var includeMaintenance = query.OptionalBool("include_maintenance") ?? false;
        if (start >= end) query.Fail("start", "must be before end");
        else if (end - start > period.MaxSpan()) query.Fail("start", $"a {periodText} series spans at most {period.MaxSpan().TotalDays:0} days");
        if (query.HasErrors) return MonitorResults.Invalid(query.Errors, "invalid query parameters");
        var points = await monitors.GetAvailabilityAsync(user.ToActor(), id, period, start, end, hostId, cancellationToken);
        if (points is null) return MonitorResults.NotFound(id);
        var items = points.Select(stored => (Stored: stored, Shown: includeMaintenance ? stored.IncludingMaintenance() : stored))
            .Select(p => new AvailabilityItem(periodText, p.Shown.Start, p.Shown.Total, p.Shown.Successes, p.Shown.Failures,
                WireNumbers.Percent(p.Shown.AvailabilityPercent), WireNumbers.Seconds(p.Shown.AverageLatencyMs),
                WireNumbers.Seconds(p.Shown.LatencyMinMs), WireNumbers.Seconds(p.Shown.LatencyMaxMs), p.Stored.MaintenanceTotal)).ToList();
        return TypedResults.Ok(ApiEnvelope.Ok(items));
    }
}
