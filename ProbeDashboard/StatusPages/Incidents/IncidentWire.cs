using ProbeDashboard.Core.StatusPages.Incidents;

namespace ProbeDashboard.StatusPages.Incidents;

/// <summary>
/// Body of POST and PUT /api/v1/status-pages/{id}/incidents. <c>body</c> is Markdown (raw HTML is shown as text);
/// <c>status</c>: investigating (the default of a new incident), identified, monitoring or resolved; a PUT without it
/// keeps the current one. <c>monitor_ids</c>: monitors of this page that the incident affects (none: the whole page).
/// </summary>
public sealed record IncidentRequest(string? Title, string? Body = null, string? Status = null, List<int>? MonitorIds = null)
{
    public IncidentInput ToInput() => new(Title, Body, Status, MonitorIds);
}

/// <summary>Body of POST /api/v1/status-pages/{id}/incidents/{iid}/updates: the status the incident moves to and what to tell readers.</summary>
public sealed record IncidentUpdateRequest(string? Status, string? Body)
{
    public IncidentUpdateInput ToInput() => new(Status, Body);
}

/// <param name="ResolvedAt">When the incident was resolved; null while it is open.</param>
/// <param name="Updates">Oldest first.</param>
public sealed record IncidentResponse(
    int Id, int StatusPageId, string Title, string Body, string Status, IReadOnlyList<int> MonitorIds,
    DateTime CreatedAt, DateTime UpdatedAt, DateTime? ResolvedAt, IReadOnlyList<IncidentUpdateResponse> Updates)
{
    public static IncidentResponse Of(Incident i) => new(
        i.Id, i.StatusPageId, i.Title, i.Body, i.Status.WireName(), [.. i.Monitors.Select(m => m.MonitorId).Order()],
        i.CreatedAt, i.UpdatedAt, i.ResolvedAt,
        [.. i.Updates.OrderBy(u => u.CreatedAt).ThenBy(u => u.Id).Select(u => new IncidentUpdateResponse(u.Id, u.Status.WireName(), u.Body, u.CreatedAt))]);
}

public sealed record IncidentUpdateResponse(int Id, string Status, string Body, DateTime CreatedAt);
