using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using ProbeDashboard.Api;
using ProbeDashboard.Auth;
using ProbeDashboard.Core.Monitors;

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
    DateTime CreatedAt)
{
    /// <summary>Seconds between rounds after a failed one until a round passes or fail_threshold is reached (flap control).</summary>
    public int RetryInterval { get; init; }
    /// <summary>Success and failure swap (a port that must stay closed).</summary>
    public bool UpsideDown { get; init; }
}

internal static class MonitorListApi
{
    private const int MaxPage = 1_000_000;

    /// <summary>§1.2: filters and pages in SQL, then adds the page's 24 h figures from the rollups; ordered by id.</summary>
    public static async Task<Results<Ok<ApiEnvelope<PagedList<MonitorListItem>>>, BadRequest<ApiEnvelope>>> ListMonitors(
        HttpRequest request, ClaimsPrincipal user, MonitorQueries monitors, CancellationToken cancellationToken)
    {
        var query = new QueryReader(request.Query);
        var page = query.Int("page", 1, 1, MaxPage);
        var pageSize = query.Int("page_size", 20, 1, 100);
        var enable = query.OptionalBool("enable");
        var type = query.Optional<MonitorKind>("type", MonitorKindNames.TryParse, $"must be {MonitorKindNames.Choices}, as a number or a name");
        var search = query.Text("search");
        if (query.HasErrors) return MonitorResults.Invalid(query.Errors, "invalid query parameters");

        var list = await monitors.ListAsync(user.ToActor(), new MonitorListFilter(search, type, enable), new MonitorSort(MonitorSortField.Id),
            (page - 1) * pageSize, pageSize, cancellationToken);
        var items = list.Rows.Select(r => new MonitorListItem(r.Id, r.Name, r.Enabled, (int)r.Kind, r.Target, r.IntervalSeconds,
            StatusName(r.Enabled, r.Status),
            WireNumbers.Percent(r.LastDay?.AvailabilityPercent), WireNumbers.Seconds(r.LastDay?.AverageLatencyMs),
            r.LastProbeAt, r.LastSuccess is null ? null : r.LastSuccess.Value ? "success" : "fail",
            r.CreatedAt) { RetryInterval = r.RetryIntervalSeconds, UpsideDown = r.UpsideDown }).ToList();
        return TypedResults.Ok(ApiEnvelope.Ok(new PagedList<MonitorListItem>(items, list.Total, page, pageSize)));
    }

    public static string StatusName(bool enabled, MonitorStatus status) =>
        !enabled ? "paused" : status switch
        {
            MonitorStatus.Online => "online",
            MonitorStatus.Offline => "offline",
            _ => "unknown",
        };
}
