using System.Text.Json;
using System.Text.Json.Nodes;
using ProbeDashboard.Core.Hosts;

namespace ProbeDashboard.Core.ConfigTransfer;

/// <summary>A host group in the document. Membership is not part of it: hosts join groups where they run.</summary>
public sealed record HostGroupItem(string? Name);

/// <summary>Host groups, matched by name; importing creates the missing ones through <see cref="HostGroupService"/>.</summary>
public sealed class HostGroupSection(HostGroupService groups) : IConfigSection
{
    public string Key => "host_groups";
    public int Order => 10;

    public async Task<JsonArray> ExportAsync(ExportContext context, CancellationToken cancellationToken)
    {
        var names = (await groups.ListAsync(context.Actor, cancellationToken)).Select(g => g.Name);
        return [.. names.Order(StringComparer.Ordinal).Select(n => JsonSerializer.SerializeToNode(new HostGroupItem(n), ConfigJson.Options))];
    }

    public async Task ImportAsync(JsonArray items, ImportContext context, CancellationToken cancellationToken)
    {
        foreach (var (where, item) in context.ReadItems<HostGroupItem>(Key, items, i => i.Name))
        {
            var result = await groups.CreateAsync(context.Db, context.Actor, item.Name, cancellationToken);
            switch (result.Outcome)
            {
                case HostGroupOutcome.InvalidName: context.Error(where + ".name", $"name is longer than {HostGroupService.MaxNameLength} characters"); break;
                case HostGroupOutcome.Unchanged: context.Count(Key, ItemOutcome.Unchanged); break;
                default: context.Count(Key, ItemOutcome.Created); break;
            }
        }
    }
}
