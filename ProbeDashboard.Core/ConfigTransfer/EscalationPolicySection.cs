using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Alerts.Escalation;

namespace ProbeDashboard.Core.ConfigTransfer;

/// <summary>One step in the document: its delay and the notification groups it notifies, by name.</summary>
public sealed record EscalationStepItem(int? AfterSeconds, List<string>? NotificationGroups);

public sealed record EscalationPolicyItem(string? Name, List<EscalationStepItem?>? Steps, int? Repeat = null, bool? StopOnAcknowledge = null);

/// <summary>
/// Escalation policies, matched by name, with their groups by name; saved through Core's <see cref="EscalationPolicyService"/>
/// (validated and audited as the API's are). After notification groups, before the monitors and rules that name them.
/// </summary>
public sealed class EscalationPolicySection(EscalationPolicyService policies) : IConfigSection
{
    public string Key => "escalation_policies";
    public int Order => 25;

    public async Task<JsonArray> ExportAsync(ExportContext context, CancellationToken cancellationToken)
    {
        var groups = await context.Db.NotificationGroups.AsNoTracking().ToDictionaryAsync(g => g.Id, g => g.Name, cancellationToken);
        var stored = await context.Db.EscalationPolicies.AsNoTracking().ToListAsync(cancellationToken);
        return [.. stored.OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => JsonSerializer.SerializeToNode(new EscalationPolicyItem(
            p.Name,
            [.. p.Steps.Select(s => new EscalationStepItem(s.AfterSeconds, [.. s.NotificationGroupIds.Select(g => groups.GetValueOrDefault(g, $"#{g}"))]))],
            p.Repeat, p.StopOnAcknowledge), ConfigJson.Options))];
    }

    public async Task ImportAsync(JsonArray items, ImportContext context, CancellationToken cancellationToken)
    {
        var groupIds = await context.Db.NotificationGroups.AsNoTracking().ToDictionaryAsync(g => g.Name, g => g.Id, StringComparer.Ordinal, cancellationToken);
        foreach (var (where, item) in context.ReadItems<EscalationPolicyItem>(Key, items, i => i.Name))
        {
            var errorsBefore = context.Errors.Count;
            var steps = new List<EscalationStepInput?>();
            for (var i = 0; i < (item.Steps?.Count ?? 0); i++)
            {
                var step = item.Steps![i];
                var ids = new List<int>();
                foreach (var group in step?.NotificationGroups ?? [])
                {
                    if (groupIds.TryGetValue(group, out var id)) ids.Add(id);
                    else context.Error($"{where}.steps[{i}].notification_groups", $"no notification group is named '{group}'");
                }
                steps.Add(step is null ? null : new EscalationStepInput(step.AfterSeconds, ids));
            }
            if (context.Errors.Count > errorsBefore) continue;
            var input = new EscalationPolicyInput(item.Name, item.Steps is null ? null : steps, item.Repeat, item.StopOnAcknowledge);
            var name = item.Name!.Trim();
            var (policy, ambiguous) = await context.SingleByNameAsync(
                context.Db.EscalationPolicies.AsNoTracking().Where(p => p.Name == name).OrderBy(p => p.Id), where, cancellationToken);
            if (ambiguous) continue;
            var saved = await policies.SaveAsync(context.Db, context.Actor, policy?.Id, input, cancellationToken);
            if (saved.Outcome == EscalationChangeOutcome.Invalid) { context.ErrorsFrom(where, saved.Errors!); continue; }
            if (saved.Outcome != EscalationChangeOutcome.Done) { context.Error(where, saved.Message); continue; }
            context.Count(Key, policy is null ? ItemOutcome.Created : saved.Changed ? ItemOutcome.Updated : ItemOutcome.Unchanged);
        }
    }

    /// <summary>Name → id of every stored policy, for the sections that reference policies.</summary>
    internal static async Task<Dictionary<int, string>> NamesAsync(Storage.ProbeDbContext db, CancellationToken cancellationToken) =>
        await db.EscalationPolicies.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);

    /// <summary>Resolves an item's escalation_policy name, reporting an unknown one at <paramref name="where"/>.</summary>
    internal static int? IdOf(string? name, IReadOnlyDictionary<int, string> policies, string where, ImportContext context)
    {
        if (name is null) return null;
        var match = policies.Where(p => p.Value == name).Select(p => (int?)p.Key).FirstOrDefault();
        if (match is null) context.Error(where + ".escalation_policy", $"no escalation policy is named '{name}'");
        return match;
    }
}
