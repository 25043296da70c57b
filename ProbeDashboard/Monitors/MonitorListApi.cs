using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Api;
using ProbeDashboard.Core.Availability;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Monitors;

/// <summary>§1.2 list item: current_status is online/offline/unknown, or paused when the monitor is disabled.</summary>
public sealed record MonitorListItem(
    int Id,
    string Name,
    bool Enable,
    int Type,
    string Target,
    int Duration,
    string CurrentStatus,
    [property: JsonPropertyName("availability_24h")] double? Availability24h,
    [property: JsonPropertyName("avg_latency_24h")] double? AvgLatency24h,
    DateTime? LastProbeTime,
    string? LastProbeResult,
    DateTime CreatedAt);

internal static class MonitorListApi
{
    private const int MaxPage = 1_000_000;

    /// <summary>§1.2: filters and pages in SQL, then adds the page's 24 h figures from the rollups in one query.</summary>
    public static async Task<Results<Ok<ApiEnvelope<PagedList<MonitorListItem>>>, BadRequest<ApiEnvelope>>> ListMonitors(
        HttpRequest request, ProbeDbContext db, AvailabilityQueries availability, TimeProvider time, CancellationToken cancellationToken)
    {
        var query = new QueryReader(request.Query);
        var page = query.Int("page", 1, 1, MaxPage);
        var pageSize = query.Int("page_size", 20, 1, 100);
        var enable = query.OptionalBool("enable");
        var type = query.Optional<MonitorKind>("type", MonitorKindNames.TryParse, $"must be {MonitorKindNames.Choices}, as a number or a name");
        var search = query.Text("search");
        if (query.HasErrors) return MonitorResults.Invalid(query.Errors, "invalid query parameters");

        var monitors = db.Monitors.AsNoTracking().Matching(enable, type, search);

        var total = await monitors.CountAsync(cancellationToken);
        var rows = await monitors.OrderBy(m => m.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(m => new
            {
                m.Id, m.Name, m.Enabled, m.Kind, m.Target, m.IntervalSeconds, m.CreatedAt,
                m.Current.Status, m.Current.LastProbeAt, m.Current.LastSuccess,
            })
            .ToListAsync(cancellationToken);
        var lastDay = await availability.GetLastDayAsync(rows.Select(r => r.Id).ToList(), time.GetUtcNow().UtcDateTime, cancellationToken);

        var items = rows.Select(r =>
        {
            var day = lastDay.GetValueOrDefault(r.Id);
            return new MonitorListItem(r.Id, r.Name, r.Enabled, (int)r.Kind, r.Target, r.IntervalSeconds,
                StatusName(r.Enabled, r.Status),
                WireNumbers.Percent(day?.AvailabilityPercent), WireNumbers.Seconds(day?.AverageLatencyMs),
                r.LastProbeAt, r.LastSuccess is null ? null : r.LastSuccess.Value ? "success" : "fail",
                r.CreatedAt);
        }).ToList();
        return TypedResults.Ok(ApiEnvelope.Ok(new PagedList<MonitorListItem>(items, total, page, pageSize)));
    }

    public static string StatusName(bool enabled, MonitorStatus status) =>
        !enabled ? "paused" : status switch
        {
            MonitorStatus.Online => "online",
            MonitorStatus.Offline => "offline",
            _ => "unknown",
        };
}
