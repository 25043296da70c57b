using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Hosts;

namespace ProbeDashboard.ConfigTransfer;

/// <summary>A host group in the document. Membership is not part of it: hosts join groups where they run.</summary>
public sealed record HostGroupItem(string? Name);

/// <summary>Host groups, matched by name; importing creates the missing ones.</summary>
public sealed class HostGroupSection : IConfigSection
{
    public string Key => "host_groups";
    public int Order => 10;

    public async Task<JsonArray> ExportAsync(ExportContext context, CancellationToken cancellationToken)
    {
        var names = await context.Db.HostGroups.AsNoTracking().Select(g => g.Name).ToListAsync(cancellationToken);
        return [.. names.Order(StringComparer.Ordinal).Select(n => JsonSerializer.SerializeToNode(new HostGroupItem(n), ConfigJson.Options))];
    }

    public async Task ImportAsync(JsonArray items, ImportContext context, CancellationToken cancellationToken)
    {
        foreach (var (where, item) in context.ReadItems<HostGroupItem>(Key, items, i => i.Name))
        {
            var name = item.Name!.Trim();
            if (name.Length > HostGroupService.MaxNameLength) { context.Error(where + ".name", $"name is longer than {HostGroupService.MaxNameLength} characters"); continue; }
            if (await context.Db.HostGroups.AnyAsync(g => g.Name == name, cancellationToken)) { context.Count(Key, ItemOutcome.Unchanged); continue; }
            context.Db.HostGroups.Add(new HostGroup { Name = name });
            context.Count(Key, ItemOutcome.Created);
        }
        await context.Db.SaveChangesAsync(cancellationToken);
    }
}
