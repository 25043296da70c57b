using ProbeDashboard.Core.StatusPages;

namespace ProbeDashboard.StatusPages;

/// <summary>One monitor of a section: its id and, optionally, the name readers see instead of the monitor's own.</summary>
public sealed record StatusPageItemWire(int? MonitorId, string? DisplayName);

/// <summary>A titled group of monitors, shown in the given order.</summary>
public sealed record StatusPageSectionWire(string? Title, List<StatusPageItemWire?>? Monitors);

/// <summary>
/// Body of POST and PUT /api/v1/status-pages. <c>slug</c>: lower-case letters, digits and hyphens, unique; the page
/// is public at /status/{slug} once <c>published</c>. <c>custom_domain</c>: a host name at whose "/" the page is
/// also served. PUT replaces the whole page (sections included).
/// </summary>
public sealed record StatusPageRequest(
    string? Slug, string? Title, string? Description = null, string? CustomDomain = null, List<StatusPageSectionWire?>? Sections = null,
    bool? ShowLatency = null, string? Footer = null, bool? Published = null)
{
    public StatusPageInput ToInput() => new(Slug, Title, Description, CustomDomain,
        Sections?.Select(s => s is null ? null : new StatusPageSectionInput(s.Title, s.Monitors?.Select(m => m is null ? null : new StatusPageItemInput(m.MonitorId, m.DisplayName)).ToList())).ToList(),
        ShowLatency, Footer, Published);
}

/// <param name="PublicUrl">Where the public reads the page (relative to this server).</param>
public sealed record StatusPageResponse(
    int Id, string Slug, string Title, string? Description, string? CustomDomain, IReadOnlyList<StatusPageSectionWire> Sections,
    bool ShowLatency, string? Footer, bool Published, string PublicUrl, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static StatusPageResponse Of(StatusPage p) => new(
        p.Id, p.Slug, p.Title, p.Description, p.CustomDomain,
        [.. p.Sections.OrderBy(s => s.Position).Select(s => new StatusPageSectionWire(s.Title,
            [.. s.Items.OrderBy(i => i.Position).Select(i => new StatusPageItemWire(i.MonitorId, i.DisplayName))]))],
        p.ShowLatency, p.Footer, p.Published, $"/status/{p.Slug}", p.CreatedAt, p.UpdatedAt);
}
