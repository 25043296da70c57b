using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.ConfigTransfer;

/// <summary>
/// An alert rule in the document: the API's fields, with targets named (monitor names for service_probe rules,
/// host names for host_monitor rules; empty means every target) and the notification group by name.
/// </summary>
public sealed record AlertRuleItem(
    string? Name,
    bool? Enable,
    string? Type,
    List<string>? Targets,
    string? Condition,
    int? Duration,
    string? NotificationGroup,
    string? AlertLevel,
    int? SilencePeriod,
    int? RecoverThreshold,
    string? EscalationPolicy = null);

/// <summary>
/// Alert rules, matched by name and saved through Core's <see cref="AlertRuleService"/> (validated and audited as the
/// API's are); the alert engine reloads each changed rule after the commit.
/// </summary>
public sealed class AlertRuleSection(AlertRuleService rules) : IConfigSection
{
    public string Key => "alert_rules";
    public int Order => 40;

    public async Task<JsonArray> ExportAsync(ExportContext context, CancellationToken cancellationToken)
    {
        var names = await NamesAsync(context.Db, context.Hosts, cancellationToken);
        var rules = await context.Db.AlertRules.AsNoTracking().ToListAsync(cancellationToken);
        return [.. rules.OrderBy(r => r.Name, StringComparer.Ordinal).Select(r => JsonSerializer.SerializeToNode(names.Describe(r), ConfigJson.Options))];
    }

    public async Task ImportAsync(JsonArray items, ImportContext context, CancellationToken cancellationToken)
    {
        var names = await NamesAsync(context.Db, context.Hosts, cancellationToken);
        foreach (var (where, item) in context.ReadItems<AlertRuleItem>(Key, items, i => i.Name))
        {
            var input = ToInput(item, where, context, names);
            if (input is null) continue;
            var errors = input.Validate(out _, out _);
            if (errors.Count > 0) { context.ErrorsFrom(where, errors); continue; }

            var name = input.Name!.Trim();
            var (rule, ambiguous) = await context.SingleByNameAsync(
                context.Db.AlertRules.AsNoTracking().Where(r => r.Name == name).OrderBy(r => r.Id), where, cancellationToken);
            if (ambiguous) continue;
            var saved = await rules.SaveAsync(context.Db, context.Actor, rule?.Id, input, cancellationToken);
            if (saved.Outcome != AlertRuleSaveOutcome.Saved) { context.ErrorsFrom(where, saved.Errors); continue; }
            context.Count(Key, rule is null ? ItemOutcome.Created : saved.Changed ? ItemOutcome.Updated : ItemOutcome.Unchanged);
            if (saved.Changed)
            {
                var id = saved.Rule!.Id;
                context.AfterCommit(ct => rules.AnnounceAsync(id, ct));
            }
        }
    }

    private static AlertRuleInput? ToInput(AlertRuleItem item, string where, ImportContext context, RuleNames names)
    {
        var errorsBefore = context.Errors.Count;
        int? notificationId = null;
        if (item.NotificationGroup is { } group)
        {
            if (names.NotificationIds.TryGetValue(group, out var id)) notificationId = id;
            else context.Error(where + ".notification_group", $"no notification group is named '{group}'");
        }
        List<int> targetIds = item.Type switch
        {
            "host_monitor" => context.Hosts.IdsOf(item.Targets, where + ".targets", context),
            "service_probe" => names.MonitorIds(item.Targets, where + ".targets", context),
            _ => [],
        };
        var policyId = EscalationPolicySection.IdOf(item.EscalationPolicy, names.Policies, where, context);
        if (context.Errors.Count > errorsBefore) return null;
        return new AlertRuleInput(item.Name, item.Enable, item.Type, targetIds, item.Condition, item.Duration, notificationId,
            item.AlertLevel, item.SilencePeriod, item.RecoverThreshold, policyId);
    }

    private static async Task<RuleNames> NamesAsync(ProbeDbContext db, HostNames hosts, CancellationToken cancellationToken)
    {
        var monitors = await db.Monitors.AsNoTracking().Select(m => new { m.Id, m.Name }).ToListAsync(cancellationToken);
        var groups = await db.NotificationGroups.AsNoTracking().ToDictionaryAsync(g => g.Id, g => g.Name, cancellationToken);
        return new RuleNames(monitors.ToDictionary(m => m.Id, m => m.Name), groups, hosts, await EscalationPolicySection.NamesAsync(db, cancellationToken));
    }

    /// <summary>Id ↔ name of the things rules point at.</summary>
    private sealed class RuleNames(Dictionary<int, string> monitors, Dictionary<int, string> notificationGroups, HostNames hosts, Dictionary<int, string> policies)
    {
        public Dictionary<int, string> Policies => policies;

        private readonly ILookup<string, int> _monitorIds = monitors.ToLookup(m => m.Value, m => m.Key, StringComparer.Ordinal);

        public Dictionary<string, int> NotificationIds { get; } = notificationGroups.ToDictionary(g => g.Value, g => g.Key, StringComparer.Ordinal);

        public List<int> MonitorIds(IEnumerable<string>? names, string where, ImportContext context)
        {
            var ids = new List<int>();
            foreach (var name in names ?? [])
            {
                var matches = _monitorIds[name].ToList();
                if (matches.Count == 1) ids.Add(matches[0]);
                else context.Error(where, matches.Count == 0 ? $"no monitor is named '{name}'" : $"several monitors are named '{name}'");
            }
            return ids;
        }

        public AlertRuleItem Describe(AlertRule r) => new(
            r.Name, r.Enabled, AlertNames.Of(r.Type),
            r.Type == AlertRuleType.HostMonitor
                ? hosts.NamesOf(r.TargetIds)
                : [.. r.TargetIds.Select(id => monitors.GetValueOrDefault(id, $"#{id}")).Order(StringComparer.Ordinal)],
            r.Condition, r.DurationSeconds,
            r.NotificationGroupId is { } g ? notificationGroups.GetValueOrDefault(g, $"#{g}") : null,
            AlertNames.Of(r.Level), r.SilencePeriodSeconds, r.RecoverThreshold,
            r.EscalationPolicyId is { } p ? policies.GetValueOrDefault(p, $"#{p}") : null);
    }
}
