using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.StatusPages;
using ProbeDashboard.Core.StatusPages.Incidents;

namespace ProbeDashboard.Core.ConfigTransfer;

/// <summary>A monitor on a page, named as in the monitors section (ids differ between servers).</summary>
public sealed record StatusPageMonitorEntry(string? Monitor, string? DisplayName = null);

public sealed record StatusPageSectionEntry(string? Title, List<StatusPageMonitorEntry?>? Monitors);

/// <summary>A status page in the document, matched by its slug.</summary>
public sealed record StatusPageEntry(
    string? Slug, string? Title, string? Description = null, string? CustomDomain = null, List<StatusPageSectionEntry?>? Sections = null,
    bool? ShowLatency = null, string? Footer = null, bool? Published = null, List<IncidentEntry?>? Incidents = null);

/// <summary>
/// An incident of a page, matched by title and <c>created_at</c>; monitors by name. Import adds and updates
/// incidents, it never deletes one the document leaves out (they are history the page has already told).
/// </summary>
public sealed record IncidentEntry(
    string? Title, string? Body = null, string? Status = null, List<string?>? Monitors = null, DateTime? CreatedAt = null,
    DateTime? ResolvedAt = null, List<IncidentUpdateEntry?>? Updates = null);

public sealed record IncidentUpdateEntry(string? Status, string? Body, DateTime? CreatedAt);

/// <summary>
/// Status pages, matched by slug, saved through <see cref="StatusPageService"/> (validated and audited as the API's
/// are). Runs after the monitors, so a page may name monitors the same document creates.
/// </summary>
public sealed class StatusPageConfigSection(StatusPageService pages, IncidentService incidents) : IConfigSection
{
    public string Key => "status_pages";
    public int Order => 70;

    public async Task<JsonArray> ExportAsync(ExportContext context, CancellationToken cancellationToken)
    {
        var stored = await pages.ListAsync(context.Actor, cancellationToken);
        var names = await context.Db.Monitors.AsNoTracking().Select(m => new { m.Id, m.Name }).ToDictionaryAsync(m => m.Id, m => m.Name, cancellationToken);
        var exported = new JsonArray();
        foreach (var p in stored)
        {
            var told = await incidents.ListAsync(context.Actor, p.Id, cancellationToken) ?? [];
            exported.Add(JsonSerializer.SerializeToNode(new StatusPageEntry(
                p.Slug, p.Title, p.Description, p.CustomDomain,
                [.. p.Sections.Select(s => new StatusPageSectionEntry(s.Title, [.. s.Items.Select(i => new StatusPageMonitorEntry(names[i.MonitorId], i.DisplayName))]))],
                p.ShowLatency, p.Footer, p.Published,
                [.. told.Select(i => new IncidentEntry(i.Title, i.Body, i.Status.WireName(), [.. i.Monitors.Select(m => names[m.MonitorId])],
                    i.CreatedAt, i.ResolvedAt, [.. i.Updates.Select(u => new IncidentUpdateEntry(u.Status.WireName(), u.Body, u.CreatedAt))]))]),
                ConfigJson.Options));
        }
        return exported;
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
                case StatusPageOutcome.Done:
                    var incidentsChanged = await ImportIncidentsAsync(where, saved.Page!.Id, item.Incidents ?? [], monitors, context, cancellationToken);
                    context.Count(Key, storedId is null ? ItemOutcome.Created : saved.Changed || incidentsChanged ? ItemOutcome.Updated : ItemOutcome.Unchanged);
                    break;
                default: context.Error(where, saved.Message); break;
            }
        }
        context.AfterCommit(_ => { pages.ForgetCachedPages(); return Task.CompletedTask; });
    }

    /// <returns>Whether any incident was created or changed.</returns>
    private async Task<bool> ImportIncidentsAsync(string where, int pageId, List<IncidentEntry?> entries, ILookup<string, int> monitors,
        ImportContext context, CancellationToken cancellationToken)
    {
        var changed = false;
        for (var n = 0; n < entries.Count; n++)
        {
            var at = $"{where}.incidents[{n}]";
            if (entries[n] is not { } entry) { context.Error(at, "incident must be an object"); continue; }
            var ids = new List<int>();
            foreach (var name in entry.Monitors ?? [])
            {
                var found = name is null ? [] : monitors[name.Trim()].ToList();
                if (found.Count == 1) ids.Add(found[0]);
                else context.Error($"{at}.monitors", found.Count == 0 ? $"no monitor is named '{name}'" : $"several monitors are named '{name}'");
            }
            var item = new IncidentImport(new IncidentInput(entry.Title, entry.Body, entry.Status, ids), entry.CreatedAt, entry.ResolvedAt,
                [.. (entry.Updates ?? []).Select(u => new IncidentUpdateImport(u?.Status, u?.Body, u?.CreatedAt))]);
            var (outcome, errors) = await incidents.ImportAsync(context.Db, context.Actor, pageId, item, cancellationToken);
            if (outcome == IncidentImportOutcome.Invalid) context.ErrorsFrom(at, errors!);
            changed |= outcome is IncidentImportOutcome.Created or IncidentImportOutcome.Updated;
        }
        return changed;
    }
}
