using System.Text.RegularExpressions;

namespace ProbeDashboard.Core.StatusPages;

/// <summary>One monitor of a section as callers give it; <see cref="DisplayName"/> is what readers see.</summary>
public sealed record StatusPageItemInput(int? MonitorId, string? DisplayName);

public sealed record StatusPageSectionInput(string? Title, IReadOnlyList<StatusPageItemInput?>? Monitors);

/// <summary>What a caller asks a status page to be (API, UI and config import alike).</summary>
public sealed partial record StatusPageInput(
    string? Slug, string? Title, string? Description, string? CustomDomain, IReadOnlyList<StatusPageSectionInput?>? Sections,
    bool? ShowLatency, string? Footer, bool? Published)
{
    public const int MaxSlugLength = 64;
    public const int MaxTitleLength = 200;
    public const int MaxTextLength = 2000;
    public const int MaxDomainLength = 253;
    public const int MaxSections = 50;
    public const int MaxMonitors = 500;

    /// <summary>
    /// Checks everything that needs no database; an empty result means valid. Keys are the API's field names
    /// (<c>sections[0].monitors[1].monitor_id</c>).
    /// </summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string problem) { if (!errors.TryGetValue(field, out var l)) errors[field] = l = []; l.Add(problem); }

        var slug = Slug?.Trim();
        if (string.IsNullOrEmpty(slug)) Add("slug", "slug is required");
        else if (slug.Length > MaxSlugLength || !SlugPattern().IsMatch(slug))
            Add("slug", $"slug must be 1-{MaxSlugLength} lower-case letters, digits and single hyphens (e.g. 'acme-api')");
        if (string.IsNullOrWhiteSpace(Title)) Add("title", "title is required");
        else if (Title.Trim().Length > MaxTitleLength) Add("title", $"title is longer than {MaxTitleLength} characters");
        if (Description?.Length > MaxTextLength) Add("description", $"description is longer than {MaxTextLength} characters");
        if (Footer?.Length > MaxTextLength) Add("footer", $"footer is longer than {MaxTextLength} characters");
        var domain = NormalizedDomain;
        if (domain is not null && (domain.Length > MaxDomainLength || !DomainPattern().IsMatch(domain)))
            Add("custom_domain", "custom_domain must be a host name such as status.example.com (no scheme, port or path)");

        var sections = Sections ?? [];
        if (sections.Count > MaxSections) Add("sections", $"at most {MaxSections} sections");
        var seen = new HashSet<int>();
        for (var s = 0; s < sections.Count; s++)
        {
            var section = sections[s];
            if (section is null) { Add($"sections[{s}]", "section must be an object"); continue; }
            if (string.IsNullOrWhiteSpace(section.Title)) Add($"sections[{s}].title", "title is required");
            else if (section.Title.Trim().Length > MaxTitleLength) Add($"sections[{s}].title", $"title is longer than {MaxTitleLength} characters");
            var items = section.Monitors ?? [];
            for (var i = 0; i < items.Count; i++)
            {
                var where = $"sections[{s}].monitors[{i}]";
                if (items[i]?.MonitorId is not { } id) { Add($"{where}.monitor_id", "monitor_id is required"); continue; }
                if (!seen.Add(id)) Add($"{where}.monitor_id", $"monitor {id} is on this page twice");
                if (items[i]!.DisplayName?.Trim().Length > MaxTitleLength) Add($"{where}.display_name", $"display_name is longer than {MaxTitleLength} characters");
            }
        }
        if (seen.Count > MaxMonitors) Add("sections", $"at most {MaxMonitors} monitors per page");
        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }

    /// <summary>Every monitor id the sections name, for the existence check.</summary>
    public IEnumerable<(string Where, int Id)> MonitorIds() =>
        (Sections ?? []).SelectMany((s, si) => (s?.Monitors ?? []).Select((m, mi) => ($"sections[{si}].monitors[{mi}].monitor_id", m?.MonitorId)))
            .Where(x => x.Item2 is not null).Select(x => (x.Item1, x.Item2!.Value));

    /// <summary>Lower case, without a trailing dot; null when none is given.</summary>
    public string? NormalizedDomain => string.IsNullOrWhiteSpace(CustomDomain) ? null : CustomDomain.Trim().TrimEnd('.').ToLowerInvariant();

    public List<StatusPageSection> ToSections() =>
    [
        .. (Sections ?? []).Select((s, si) => new StatusPageSection
        {
            Position = si,
            Title = s!.Title!.Trim(),
            Items = [.. (s.Monitors ?? []).Select((m, mi) => new StatusPageItem
            {
                Position = mi,
                MonitorId = m!.MonitorId!.Value,
                DisplayName = string.IsNullOrWhiteSpace(m.DisplayName) ? null : m.DisplayName.Trim(),
            })],
        }),
    ];

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex(@"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$|^localhost$")]
    private static partial Regex DomainPattern();
}

public enum StatusPageOutcome { Done, Invalid, NotFound, Conflict }

/// <param name="Changed">False when a save matched the stored page: nothing was written or audited.</param>
public sealed record StatusPageResult(StatusPageOutcome Outcome, StatusPage? Page = null, string Message = "",
    IReadOnlyDictionary<string, string[]>? Errors = null, bool Changed = true)
{
    public static StatusPageResult Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        new(StatusPageOutcome.Invalid, Message: errors.First().Value[0], Errors: errors, Changed: false);
}
