using ProbeDashboard.Core.StatusPages;

namespace ProbeDashboard.StatusPages.Ui;

/// <summary>What the page editor binds to; becomes a <see cref="StatusPageInput"/> on save.</summary>
public sealed class StatusPageForm
{
    public int? Id { get; set; }
    public string Slug { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public string? CustomDomain { get; set; }
    public string? Footer { get; set; }
    public bool ShowLatency { get; set; }
    public bool Published { get; set; }
    public List<SectionForm> Sections { get; set; } = [new()];

    public sealed class SectionForm
    {
        public string Title { get; set; } = "";
        public List<ItemForm> Items { get; set; } = [];
    }

    public sealed class ItemForm
    {
        public int MonitorId { get; set; }
        public string? DisplayName { get; set; }
    }

    public static StatusPageForm Of(StatusPage page) => new()
    {
        Id = page.Id, Slug = page.Slug, Title = page.Title, Description = page.Description, CustomDomain = page.CustomDomain,
        Footer = page.Footer, ShowLatency = page.ShowLatency, Published = page.Published,
        Sections = [.. page.Sections.Select(s => new SectionForm { Title = s.Title, Items = [.. s.Items.Select(i => new ItemForm { MonitorId = i.MonitorId, DisplayName = i.DisplayName })] })],
    };

    public StatusPageInput ToInput() => new(Slug, Title, Description, CustomDomain,
        [.. Sections.Select(s => new StatusPageSectionInput(s.Title, [.. s.Items.Select(i => new StatusPageItemInput(i.MonitorId, i.DisplayName))]))],
        ShowLatency, Footer, Published);
}
