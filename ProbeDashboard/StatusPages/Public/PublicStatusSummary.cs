using System.Text.Json.Serialization;
using ProbeDashboard.Core.StatusPages;

namespace ProbeDashboard.StatusPages.Public;

/// <summary>GET /status/{slug}/summary.json: the page's data for machines, exactly what the HTML shows.</summary>
public sealed record PublicStatusSummary(
    string Slug, string Title, string? Description, string State, IReadOnlyList<PublicSectionSummary> Sections, DateTime GeneratedAt,
    IReadOnlyList<PublicMaintenanceSummary> Maintenance, IReadOnlyList<PublicIncidentSummary> Incidents)
{
    public static PublicStatusSummary Of(PublicStatusPage page) => new(
        page.Slug, page.Title, page.Description, page.State.WireName(),
        [.. page.Sections.Select(s => new PublicSectionSummary(s.Title, [.. s.Monitors.Select(m => PublicMonitorSummary.Of(m, page.ShowLatency))]))],
        page.GeneratedAt,
        [.. page.Maintenance.Select(w => new PublicMaintenanceSummary(w.Title, w.Start, w.End, w.Active, w.Monitors))],
        [.. page.Incidents.Select(PublicIncidentSummary.Of)]);
}

/// <summary>
/// An incident open now or resolved within the 90 days of the bars, newest first. <c>body</c> is the owner's Markdown;
/// <c>monitors</c> are the page's names of the monitors it affects (none: the whole page).
/// </summary>
public sealed record PublicIncidentSummary(
    int Id, string Title, string Status, string Body, DateTime CreatedAt, DateTime UpdatedAt, DateTime? ResolvedAt,
    IReadOnlyList<string> Monitors, IReadOnlyList<PublicIncidentUpdateSummary> Updates)
{
    public static PublicIncidentSummary Of(Core.StatusPages.Incidents.PublicIncident i) => new(
        i.Id, i.Title, Core.StatusPages.Incidents.IncidentStatuses.WireName(i.Status), i.Body, i.CreatedAt, i.UpdatedAt, i.ResolvedAt, i.Monitors,
        [.. i.Updates.Select(u => new PublicIncidentUpdateSummary(Core.StatusPages.Incidents.IncidentStatuses.WireName(u.Status), u.Body, u.CreatedAt))]);
}

/// <summary>One update of an incident, oldest first.</summary>
public sealed record PublicIncidentUpdateSummary(string Status, string Body, DateTime CreatedAt);

/// <summary>A maintenance window running now (<c>active</c>) or coming up; <c>monitors</c> are the page's names.</summary>
public sealed record PublicMaintenanceSummary(string Title, DateTime Start, DateTime End, bool Active, IReadOnlyList<string> Monitors);

public sealed record PublicSectionSummary(string Title, IReadOnlyList<PublicMonitorSummary> Monitors);

/// <param name="Id">The monitor's id, as its badges are addressed.</param>
/// <param name="Days">90 days, oldest first; availability in percent or null without samples.</param>
public sealed record PublicMonitorSummary(
    int Id, string Name, string State,
    [property: JsonPropertyName("uptime_24h")] double? Uptime24h,
    [property: JsonPropertyName("uptime_30d")] double? Uptime30d,
    [property: JsonPropertyName("uptime_90d")] double? Uptime90d,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? LatencyMs,
    IReadOnlyList<PublicDaySummary> Days)
{
    public static PublicMonitorSummary Of(PublicMonitor m, bool showLatency) => new(
        m.Id, m.Name, m.State.WireName(), Round(m.Uptime24h), Round(m.Uptime30d), Round(m.Uptime90d),
        showLatency ? Math.Round(m.LatencyMs ?? 0, 1) : null,
        [.. m.Days.Select(d => new PublicDaySummary(DateOnly.FromDateTime(d.Day), Round(d.Availability), d.Maintenance > 0))]);

    private static double? Round(double? percent) => percent is { } p ? Math.Round(p, 3) : null;
}

/// <param name="Availability">Outside maintenance windows; null without such samples.</param>
/// <param name="Maintenance">Present (true) when some of the day's probes fell inside a maintenance window.</param>
public sealed record PublicDaySummary(
    DateOnly Date, double? Availability, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Maintenance = false);
