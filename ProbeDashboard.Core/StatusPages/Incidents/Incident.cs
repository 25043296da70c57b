namespace ProbeDashboard.Core.StatusPages.Incidents;

/// <summary>Where an incident stands, as status pages word it; <see cref="Resolved"/> ends it.</summary>
public enum IncidentStatus { Investigating, Identified, Monitoring, Resolved }

/// <summary>
/// Something the page's owner tells its readers about: a title, a Markdown body, a status and the monitors of the page
/// it affects, with updates appended over time. Shown on the page while open and for a while after it is resolved.
/// </summary>
public class Incident
{
    public int Id { get; set; }
    public int StatusPageId { get; set; }
    public string Title { get; set; } = "";
    /// <summary>Markdown, rendered safely by <see cref="IncidentMarkdown"/> (no raw HTML).</summary>
    public string Body { get; set; } = "";
    public IncidentStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>When the status became <see cref="IncidentStatus.Resolved"/>; null while open.</summary>
    public DateTime? ResolvedAt { get; set; }
    public List<IncidentMonitor> Monitors { get; set; } = [];
    public List<IncidentUpdate> Updates { get; set; } = [];

    public bool IsOpen => Status != IncidentStatus.Resolved;
}

/// <summary>A monitor of the incident's page that the incident affects. Deleting the monitor removes it here too.</summary>
public class IncidentMonitor
{
    public int IncidentId { get; set; }
    public int MonitorId { get; set; }
}

/// <summary>One update of an incident: the status it moved to and what the owner said, in <see cref="CreatedAt"/> order.</summary>
public class IncidentUpdate
{
    public int Id { get; set; }
    public int IncidentId { get; set; }
    public IncidentStatus Status { get; set; }
    public string Body { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

public static class IncidentStatuses
{
    public static string WireName(this IncidentStatus status) => status switch
    {
        IncidentStatus.Investigating => "investigating",
        IncidentStatus.Identified => "identified",
        IncidentStatus.Monitoring => "monitoring",
        _ => "resolved",
    };

    /// <returns>The status named by <paramref name="wire"/> (case-insensitive), or null when it names none.</returns>
    public static IncidentStatus? Parse(string? wire) => wire?.Trim().ToLowerInvariant() switch
    {
        "investigating" => IncidentStatus.Investigating,
        "identified" => IncidentStatus.Identified,
        "monitoring" => IncidentStatus.Monitoring,
        "resolved" => IncidentStatus.Resolved,
        _ => null,
    };

    public const string Choices = "investigating, identified, monitoring or resolved";
}
