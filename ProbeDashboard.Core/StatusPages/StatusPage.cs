namespace ProbeDashboard.Core.StatusPages;

/// <summary>
/// A public page that shows chosen monitors to people who cannot sign in: their state, a 90-day bar and uptime.
/// Only what the page names is shown (the public display name, never a monitor's target or errors).
/// </summary>
public class StatusPage
{
    public int Id { get; set; }
    /// <summary>URL-safe and unique: the page is served at <c>/status/{slug}</c>.</summary>
    public string Slug { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    /// <summary>A host name (no scheme or port); the page is also served at <c>/</c> when a request's Host is this.</summary>
    public string? CustomDomain { get; set; }
    public bool ShowLatency { get; set; }
    public string? Footer { get; set; }
    /// <summary>Unpublished pages answer 404 to the public and keep their monitors' badges off.</summary>
    public bool Published { get; set; }
    public List<StatusPageSection> Sections { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A titled group of monitors on a page, in <see cref="Position"/> order.</summary>
public class StatusPageSection
{
    public int Id { get; set; }
    public int StatusPageId { get; set; }
    public int Position { get; set; }
    public string Title { get; set; } = "";
    public List<StatusPageItem> Items { get; set; } = [];
}

/// <summary>One monitor in a section. Deleting the monitor removes it from every page.</summary>
public class StatusPageItem
{
    public int Id { get; set; }
    public int StatusPageSectionId { get; set; }
    public int Position { get; set; }
    public int MonitorId { get; set; }
    /// <summary>The name readers see; the monitor's own name when null.</summary>
    public string? DisplayName { get; set; }
}
