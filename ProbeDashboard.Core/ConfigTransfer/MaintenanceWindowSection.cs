using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Maintenance;

namespace ProbeDashboard.Core.ConfigTransfer;

/// <summary>
/// A maintenance window in the document, matched by its title; monitors and host groups by name (ids differ between
/// servers). The schedule fields are the API's.
/// </summary>
public sealed record MaintenanceWindowEntry(
    string? Title, string? Description = null, List<string?>? Monitors = null, List<string?>? HostGroups = null, string? Schedule = null,
    DateTime? Start = null, DateTime? End = null, string? Cron = null, List<string>? WeekDays = null, string? StartTime = null,
    int? DurationMinutes = null, string? Timezone = null, DateTime? ActiveFrom = null, DateTime? ActiveUntil = null, bool? Enabled = null);

/// <summary>
/// Maintenance windows, saved through <see cref="MaintenanceWindowService"/> (validated and audited as the API's are).
/// Runs after monitors and host groups, so a window may name ones the same document creates.
/// </summary>
public sealed class MaintenanceWindowSection(MaintenanceWindowService windows) : IConfigSection
{
    public string Key => "maintenance_windows";
    public int Order => 75;

    public async Task<JsonArray> ExportAsync(ExportContext context, CancellationToken cancellationToken)
    {
        var stored = await windows.ListAsync(context.Actor, cancellationToken);
        var monitors = await context.Db.Monitors.AsNoTracking().Select(m => new { m.Id, m.Name }).ToDictionaryAsync(m => m.Id, m => m.Name, cancellationToken);
        var groups = await context.Db.HostGroups.AsNoTracking().Select(g => new { g.Id, g.Name }).ToDictionaryAsync(g => g.Id, g => g.Name, cancellationToken);
        return [.. stored.Select(w =>
        {
            var input = MaintenanceWindowInput.Of(w);
            return JsonSerializer.SerializeToNode(new MaintenanceWindowEntry(
                w.Title, w.Description, [.. w.Monitors.Select(m => monitors[m.MonitorId])], [.. w.HostGroups.Select(g => groups[g.HostGroupId])],
                input.Schedule, w.StartsAt, w.EndsAt, w.Cron, input.WeekDays?.ToList(), input.StartTime, input.DurationMinutes, w.TimeZone,
                w.ActiveFrom, w.ActiveUntil, w.Enabled), ConfigJson.Options);
        })];
    }

    public async Task ImportAsync(JsonArray items, ImportContext context, CancellationToken cancellationToken)
    {
        var monitors = (await context.Db.Monitors.AsNoTracking().Select(m => new { m.Id, m.Name }).ToListAsync(cancellationToken))
            .ToLookup(m => m.Name, m => m.Id, StringComparer.Ordinal);
        var groups = (await context.Db.HostGroups.AsNoTracking().Select(g => new { g.Id, g.Name }).ToListAsync(cancellationToken))
            .ToLookup(g => g.Name, g => g.Id, StringComparer.Ordinal);
        foreach (var (where, item) in context.ReadItems<MaintenanceWindowEntry>(Key, items, i => i.Title, keyField: "title"))
        {
            var monitorIds = Resolve(context, $"{where}.monitors", "monitor", item.Monitors, monitors);
            var groupIds = Resolve(context, $"{where}.host_groups", "host group", item.HostGroups, groups);
            if (monitorIds is null || groupIds is null) continue;

            var title = item.Title!.Trim();
            var stored = await context.Db.MaintenanceWindows.Where(w => w.Title == title).OrderBy(w => w.Id).Select(w => w.Id).Take(2).ToListAsync(cancellationToken);
            if (stored.Count > 1)
            {
                context.Error($"{where}.title", $"several maintenance windows are titled '{title}'; rename one to import it");
                continue;
            }
            int? storedId = stored.Count == 1 ? stored[0] : null;
            var input = new MaintenanceWindowInput(item.Title, item.Description, monitorIds, groupIds, item.Schedule, item.Start, item.End, item.Cron,
                item.WeekDays, item.StartTime, item.DurationMinutes, item.Timezone, item.ActiveFrom, item.ActiveUntil, item.Enabled);
            var saved = await windows.SaveAsync(context.Db, context.Actor, storedId, input, cancellationToken);
            if (saved.Outcome == MaintenanceOutcome.Invalid) context.ErrorsFrom(where, saved.Errors!);
            else context.Count(Key, storedId is null ? ItemOutcome.Created : saved.Changed ? ItemOutcome.Updated : ItemOutcome.Unchanged);
        }
        context.AfterCommit(_ => { windows.ForgetCachedWindows(); return Task.CompletedTask; });
    }

    /// <returns>The ids of the named items, or null when a name matched none or several (each reported).</returns>
    private static List<int>? Resolve(ImportContext context, string where, string kind, List<string?>? names, ILookup<string, int> known)
    {
        var ids = new List<int>();
        var resolved = true;
        for (var i = 0; i < (names?.Count ?? 0); i++)
        {
            var found = names![i] is { } name ? known[name.Trim()].ToList() : [];
            if (found.Count == 1) { ids.Add(found[0]); continue; }
            context.Error($"{where}[{i}]", names[i] is null ? $"{kind} name is required"
                : found.Count == 0 ? $"no {kind} is named '{names[i]}'" : $"several {kind}s are named '{names[i]}'");
            resolved = false;
        }
        return resolved ? ids : null;
    }
}
