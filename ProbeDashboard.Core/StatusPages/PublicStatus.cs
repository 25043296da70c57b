namespace ProbeDashboard.Core.StatusPages;

/// <summary>What a public monitor shows: nothing of why (no errors, targets or status codes).</summary>
public enum PublicMonitorState { Unknown, Operational, Down, Maintenance }

/// <summary>The headline of a page.</summary>
public enum OverallState { Operational, PartialOutage, MajorOutage, UnderMaintenance }

/// <summary>
/// Everything a public status page shows, and nothing more: the HTML page, summary.json and the badges are all
/// made from this, so what one shows the others cannot leak beyond. Monitor ids are the page's own (badge links).
/// </summary>
public sealed record PublicStatusPage(
    string Slug, string Title, string? Description, string? Footer, bool ShowLatency, OverallState State,
    IReadOnlyList<PublicSection> Sections, DateTime GeneratedAt, IReadOnlyList<PublicMaintenance> Maintenance,
    IReadOnlyList<Incidents.PublicIncident> Incidents)
{
    /// <summary>How long a resolved incident stays listed under "past incidents", in days (the day bars name it for 90).</summary>
    public const int PastIncidentDays = 14;

    public IEnumerable<PublicMonitor> Monitors => Sections.SelectMany(s => s.Monitors);

    /// <summary>Open incidents, newest first.</summary>
    public IEnumerable<Incidents.PublicIncident> ActiveIncidents => Incidents.Where(i => i.IsOpen);

    /// <summary>Incidents resolved within <see cref="PastIncidentDays"/>, newest first.</summary>
    public IEnumerable<Incidents.PublicIncident> PastIncidents =>
        Incidents.Where(i => !i.IsOpen && i.ResolvedAt >= GeneratedAt.AddDays(-PastIncidentDays));

    /// <summary>The incidents that touched <paramref name="monitorId"/> on <paramref name="day"/>, for the day bar's tooltip.</summary>
    public IEnumerable<Incidents.PublicIncident> IncidentsOn(int monitorId, DateTime day) =>
        Incidents.Where(i => i.Touches(monitorId, day, GeneratedAt));
}

/// <summary>
/// A maintenance window running now or starting within <see cref="PublicStatusReader.MaintenanceHorizonDays"/>, as the
/// public sees it: its title, its times and the page's names of the monitors it covers (never its description).
/// </summary>
public sealed record PublicMaintenance(string Title, DateTime Start, DateTime End, bool Active, IReadOnlyList<string> Monitors);

public sealed record PublicSection(string Title, IReadOnlyList<PublicMonitor> Monitors);

/// <param name="Uptime24h">Availability in percent (0–100) over the last 24 hours, or null without samples; likewise 30 and 90 days.</param>
/// <param name="LatencyMs">Mean latency of successful probes over the last 24 hours; null when the page hides latency or none succeeded.</param>
/// <param name="Days">Exactly <see cref="PublicStatusReader.BarDays"/> cells, oldest first, the last one today (UTC).</param>
public sealed record PublicMonitor(
    int Id, string Name, PublicMonitorState State, double? Uptime24h, double? Uptime30d, double? Uptime90d, double? LatencyMs,
    IReadOnlyList<DayCell> Days);

/// <summary>One day of the 90-day bar, from that day's rollups.</summary>
/// <param name="Total">Probes outside maintenance windows (the availability counts only these).</param>
/// <param name="Maintenance">Probes inside maintenance windows that day: the cell says the day had maintenance.</param>
public sealed record DayCell(DateTime Day, int Total, int Successes, int Maintenance = 0)
{
    /// <returns>Availability in percent (0–100) outside maintenance, or null when the day has no such samples.</returns>
    public double? Availability => Total == 0 ? null : 100.0 * Successes / Total;
}

public static class OverallStates
{
    /// <summary>
    /// Operational while nothing is down; a major outage when every monitor with a known state is down; a partial
    /// outage in between; under maintenance when nothing is down and some monitor is in a maintenance window (an
    /// outage outside the window outranks it). Monitors without data (new, paused) do not count either way.
    /// </summary>
    public static OverallState Of(IEnumerable<PublicMonitorState> states)
    {
        var known = states.Where(s => s != PublicMonitorState.Unknown).ToList();
        var down = known.Count(s => s == PublicMonitorState.Down);
        if (down == 0) return known.Contains(PublicMonitorState.Maintenance) ? OverallState.UnderMaintenance : OverallState.Operational;
        return down == known.Count ? OverallState.MajorOutage : OverallState.PartialOutage;
    }

    public static string WireName(this OverallState state) => state switch
    {
        OverallState.Operational => "operational",
        OverallState.PartialOutage => "partial_outage",
        OverallState.UnderMaintenance => "under_maintenance",
        _ => "major_outage",
    };

    public static string WireName(this PublicMonitorState state) => state switch
    {
        PublicMonitorState.Operational => "operational",
        PublicMonitorState.Down => "down",
        PublicMonitorState.Maintenance => "maintenance",
        _ => "unknown",
    };
}
