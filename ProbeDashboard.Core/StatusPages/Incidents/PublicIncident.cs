namespace ProbeDashboard.Core.StatusPages.Incidents;

/// <summary>
/// An incident as the public sees it: bodies already rendered safely, affected monitors by the page's names. The ids
/// are the page's own (the incident's, for feed entries; the monitors', for the day bars), nothing else.
/// </summary>
public sealed record PublicIncident(
    int Id, string Title, IncidentStatus Status, string Body, string BodyHtml, DateTime CreatedAt, DateTime UpdatedAt, DateTime? ResolvedAt,
    IReadOnlyList<int> MonitorIds, IReadOnlyList<string> Monitors, IReadOnlyList<PublicIncidentUpdate> Updates)
{
    public bool IsOpen => Status != IncidentStatus.Resolved;

    /// <summary>
    /// Whether the incident touched <paramref name="monitorId"/> on the UTC day starting at <paramref name="day"/>:
    /// it was open at some time that day, and it names the monitor or names none (then it concerns the whole page).
    /// </summary>
    public bool Touches(int monitorId, DateTime day, DateTime now) =>
        CreatedAt < day.AddDays(1) && (ResolvedAt ?? now) >= day && (MonitorIds.Count == 0 || MonitorIds.Contains(monitorId));
}

public sealed record PublicIncidentUpdate(IncidentStatus Status, string Body, string BodyHtml, DateTime CreatedAt);
