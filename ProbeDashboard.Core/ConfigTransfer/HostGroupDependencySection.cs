using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Hosts;

namespace ProbeDashboard.Core.ConfigTransfer;

/// <summary>A host group's depends_on in the document: the group and the monitors, by name (ids differ between servers).</summary>
public sealed record HostGroupDependencyItem(string? HostGroup, List<string?>? DependsOn = null);

/// <summary>
/// Host groups' dependencies on monitors. A section of its own because it runs after the monitors (host groups run
/// before them, since monitors name the groups they run on); only groups with dependencies are listed. A group listed
/// here gets exactly these dependencies; groups not listed keep theirs.
/// </summary>
public sealed class HostGroupDependencySection(HostGroupService groups) : IConfigSection
{
    public string Key => "host_group_dependencies";
    public int Order => 35;

    public async Task<JsonArray> ExportAsync(ExportContext context, CancellationToken cancellationToken)
    {
        var views = await groups.ListAsync(context.Actor, cancellationToken);
        var monitors = await context.Db.Monitors.AsNoTracking().Select(m => new { m.Id, m.Name }).ToDictionaryAsync(m => m.Id, m => m.Name, cancellationToken);
        // A parent deleted since is left out: it could not be imported anywhere.
        return [.. views.Where(g => g.DependsOn.Count > 0).OrderBy(g => g.Name, StringComparer.Ordinal).Select(g => JsonSerializer.SerializeToNode(
            new HostGroupDependencyItem(g.Name, [.. g.DependsOn.Where(monitors.ContainsKey).Select(id => monitors[id])]), ConfigJson.Options))];
    }

    public async Task ImportAsync(JsonArray items, ImportContext context, CancellationToken cancellationToken)
    {
        var monitors = (await context.Db.Monitors.AsNoTracking().Select(m => new { m.Id, m.Name }).ToListAsync(cancellationToken))
            .ToLookup(m => m.Name, m => m.Id, StringComparer.Ordinal);
        var changed = new List<int>();
        foreach (var (where, item) in context.ReadItems<HostGroupDependencyItem>(Key, items, i => i.HostGroup, keyField: "host_group"))
        {
            var name = item.HostGroup!.Trim();
            var group = await context.Db.HostGroups.SingleOrDefaultAsync(g => g.Name == name, cancellationToken);
            if (group is null) { context.Error($"{where}.host_group", $"no host group is named '{name}'"); continue; }
            if (Resolve(context, $"{where}.depends_on", item.DependsOn, monitors) is not { } ids) continue;
            var result = await groups.SetDependsOnAsync(context.Db, context.Actor, group, ids, cancellationToken);
            if (result.Outcome == HostGroupOutcome.InvalidDependsOn) { context.Error($"{where}.depends_on", result.Problem!); continue; }
            context.Count(Key, result.Outcome == HostGroupOutcome.Unchanged ? ItemOutcome.Unchanged : ItemOutcome.Updated);
            if (result.Outcome == HostGroupOutcome.Done) changed.Add(group.Id);
        }
        context.AfterCommit(_ =>
        {
            foreach (var id in changed) groups.PublishDependenciesChanged(id);
            return Task.CompletedTask;
        });
    }

    /// <returns>The ids of the named monitors, or null when a name matched none or several (each reported).</returns>
    private static List<int>? Resolve(ImportContext context, string where, List<string?>? names, ILookup<string, int> known)
    {
        var ids = new List<int>();
        for (var i = 0; i < (names?.Count ?? 0); i++)
        {
            var found = names![i] is { } name ? known[name.Trim()].ToList() : [];
            if (found.Count == 1) ids.Add(found[0]);
            else context.Error($"{where}[{i}]", names[i] is null ? "monitor name is required"
                : found.Count == 0 ? $"no monitor is named '{names[i]}'" : $"several monitors are named '{names[i]}'");
        }
        return ids.Count == (names?.Count ?? 0) ? ids : null;
    }
}
