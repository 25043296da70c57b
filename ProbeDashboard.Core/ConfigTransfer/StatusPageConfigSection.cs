using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.StatusPages;

namespace ProbeDashboard.Core.ConfigTransfer;

/// <summary>A monitor on a page, named as in the monitors section (ids differ between servers).</summary>
public sealed record StatusPageMonitorEntry(string? Monitor, string? DisplayName = null);

public sealed record StatusPageSectionEntry(string? Title, List<StatusPageMonitorEntry?>? Monitors);

/// <summary>A status page in the document, matched by its slug.</summary>
public sealed record StatusPageEntry(
    string? Slug, string? Title, string? Description = null, string? CustomDomain = null, List<StatusPageSectionEntry?>? Sections = null,
    bool? ShowLatency = null, string? Footer = null, bool? Published = null);

/// <summary>
/// Status pages, matched by slug, saved through <see cref="StatusPageService"/> (validated and audited as the API's
/// are). Runs after the monitors, so a page may name monitors the same document creates.
/// </summary>
public sealed class StatusPageConfigSection(StatusPageService pages) : IConfigSection
{
    public string Key => "status_pages";
    public int Order => 70;

    public async Task<JsonArray> ExportAsync(ExportContext context, CancellationToken cancellationToken)
    {
        var stored = await pages.ListAsync(context.Actor, cancellationToken);
        var names = await context.Db.Monitors.AsNoTracking().Select(m => new { m.Id, m.Name }).ToDictionaryAsync(m => m.Id, m => m.Name, cancellationToken);
        return [.. stored.Select(p => JsonSerializer.SerializeToNode(new StatusPageEntry(
            p.Slug, p.Title, p.Description, p.CustomDomain,
            [.. p.Sections.Select(s => new StatusPageSectionEntry(s.Title, [.. s.Items.Select(i => new StatusPageMonitorEntry(names[i.MonitorId], i.DisplayName))]))],
            p.ShowLatency, p.Footer, p.Published), ConfigJson.Options))];
    }

    public async Task ImportAsync(JsonArray items, ImportContext context, CancellationToken cancellationToken)
    {
        var monitors = (await context.Db.Monitors.AsNoTracking().Select(m => new { m.Id, m.Name }).ToListAsync(cancellationToken))
            .ToLookup(m => m.Name, m => m.Id, StringComparer.Ordinal);
        foreach (var (where, item) in context.ReadItems<StatusPageEntry>(Key, items, i => i.Slug, keyField: "slug"))
        {
            var sections = new List<StatusPageSectionInput?>();
            var resolved = true;
            for (var s = 0; s < (item.Sections?.Count ?? 0); s++)
            {
                var section = item.Sections![s];
                var inputs = new List<StatusPageItemInput?>();
                for (var m = 0; m < (section?.Monitors?.Count ?? 0); m++)
                {
                    var monitor = section!.Monitors![m];
                    var ids = monitor?.Monitor is { } name ? monitors[name.Trim()].ToList() : [];
                    if (ids.Count != 1)
                    {
                        context.Error($"{where}.sections[{s}].monitors[{m}].monitor", monitor?.Monitor is null ? "monitor is required"
                            : ids.Count == 0 ? $"no monitor is named '{monitor.Monitor}'" : $"several monitors are named '{monitor.Monitor}'");
                        resolved = false;
                        continue;
                    }
                    inputs.Add(new StatusPageItemInput(ids[0], monitor!.DisplayName));
                }
                sections.Add(section is null ? null : new StatusPageSectionInput(section.Title, inputs));
            }
            if (!resolved) continue;

            var input = new StatusPageInput(item.Slug, item.Title, item.Description, item.CustomDomain, sections, item.ShowLatency, item.Footer, item.Published);
            var slug = item.Slug!.Trim();
            var storedId = await context.Db.StatusPages.Where(p => p.Slug == slug).Select(p => (int?)p.Id).SingleOrDefaultAsync(cancellationToken);
            var saved = await pages.SaveAsync(context.Db, context.Actor, storedId, input, cancellationToken);
            switch (saved.Outcome)
            {
                case StatusPageOutcome.Invalid: context.ErrorsFrom(where, saved.Errors!); break;
                case StatusPageOutcome.Done: context.Count(Key, storedId is null ? ItemOutcome.Created : saved.Changed ? ItemOutcome.Updated : ItemOutcome.Unchanged); break;
                default: context.Error(where, saved.Message); break;
            }
        }
        context.AfterCommit(_ => { pages.ForgetCachedPages(); return Task.CompletedTask; });
    }
}
