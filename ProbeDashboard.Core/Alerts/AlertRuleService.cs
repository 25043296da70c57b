using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Alerts.Engine;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Alerts;

/// <summary>
/// Creates, changes, deletes and reads alert rules for every caller (API, UI, config import). Commands demand
/// alert_rules:write, validate before writing, commit the change with its audit entry, and tell the alert engine
/// only after the commit; reads demand alert_rules:read.
/// </summary>
public sealed partial class AlertRuleService(IDbContextFactory<ProbeDbContext> dbFactory, AlertProcessor processor, TimeProvider time, IAuditLog audit)
{
    public Task<AlertRuleSaveResult> CreateAsync(Actor actor, AlertRuleInput input, CancellationToken cancellationToken) =>
        SaveAndAnnounceAsync(actor, null, input, cancellationToken);

    /// <summary>Replaces every setting of the rule (PUT semantics); its events stay.</summary>
    public Task<AlertRuleSaveResult> UpdateAsync(Actor actor, int id, AlertRuleInput input, CancellationToken cancellationToken) =>
        SaveAndAnnounceAsync(actor, id, input, cancellationToken);

    /// <summary>Deletes the rule; the engine then closes its open events quietly, past events stay as history.</summary>
    /// <returns>False when there was no such rule.</returns>
    public async Task<bool> DeleteAsync(Actor actor, int id, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.AlertRulesWrite);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rule = await db.AlertRules.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (rule is null) return false;
        db.AlertRules.Remove(rule);
        audit.Add(db, actor, AuditActions.RuleDelete, Target(rule), rule.Condition);
        await db.SaveChangesAsync(cancellationToken);
        await processor.RuleChangedAsync(id, cancellationToken);
        return true;
    }

    /// <summary>
    /// Creates (<paramref name="id"/> null) or replaces a rule inside the caller's transaction (config import): validates,
    /// saves the change with its audit entry, but neither commits nor tells the engine. After the commit the caller
    /// passes a changed rule's id to <see cref="AnnounceAsync"/>. An input equal to the stored rule writes nothing.
    /// </summary>
    public async Task<AlertRuleSaveResult> SaveAsync(ProbeDbContext db, Actor actor, int? id, AlertRuleInput input, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.AlertRulesWrite);
        var rule = id is null ? null : await db.AlertRules.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (id is not null && rule is null) return AlertRuleSaveResult.Missing;
        var errors = await ValidateAsync(db, input, cancellationToken);
        if (errors.Count > 0) return AlertRuleSaveResult.Invalid(errors);
        input.Validate(out var type, out var level);

        var now = time.GetUtcNow().UtcDateTime;
        if (rule is null)
        {
            rule = new AlertRule { CreatedAt = now, UpdatedAt = now };
            input.ApplyTo(rule, type, level);
            db.AlertRules.Add(rule);
            // The entry names the new id, known only after the insert.
            await db.SaveChangesAsync(cancellationToken);
            audit.Add(db, actor, AuditActions.RuleCreate, Target(rule), rule.Condition);
            await db.SaveChangesAsync(cancellationToken);
            return AlertRuleSaveResult.Saved(rule, changed: true);
        }

        var before = AlertRuleSettings.Of(rule);
        input.ApplyTo(rule, type, level);
        var diff = before.DiffTo(AlertRuleSettings.Of(rule));
        if (diff is null) return AlertRuleSaveResult.Saved(rule, changed: false);
        rule.UpdatedAt = now;
        audit.Add(db, actor, AuditActions.RuleUpdate, Target(rule), diff);
        await db.SaveChangesAsync(cancellationToken);
        return AlertRuleSaveResult.Saved(rule, changed: true);
    }

    /// <summary>Tells the alert engine a rule changed; call after the commit of <see cref="SaveAsync"/>.</summary>
    public Task AnnounceAsync(int ruleId, CancellationToken cancellationToken) => processor.RuleChangedAsync(ruleId, cancellationToken);

    private async Task<AlertRuleSaveResult> SaveAndAnnounceAsync(Actor actor, int? id, AlertRuleInput input, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.AlertRulesWrite);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var saved = await SaveAsync(db, actor, id, input, cancellationToken);
        if (!saved.Changed) return saved;
        await transaction.CommitAsync(cancellationToken);
        await AnnounceAsync(saved.Rule!.Id, cancellationToken);
        return saved;
    }

    private static string Target(AlertRule rule) => $"alert rule #{rule.Id} {rule.Name}";

    private static async Task<Dictionary<string, string[]>> ValidateAsync(ProbeDbContext db, AlertRuleInput input, CancellationToken cancellationToken)
    {
        var errors = input.Validate(out var type, out _);
        if (input.NotificationGroupId is { } groupId && !await db.NotificationGroups.AnyAsync(g => g.Id == groupId, cancellationToken))
            errors["notification_group_id"] = [$"notification group {groupId} does not exist"];
        if (input.EscalationPolicyId is > 0 and var policyId && !await db.EscalationPolicies.AnyAsync(p => p.Id == policyId, cancellationToken))
            errors["escalation_policy_id"] = [$"escalation policy {policyId} does not exist"];
        var ids = input.TargetIds?.Distinct().ToList() ?? [];
        if (ids.Count == 0 || errors.ContainsKey("target_ids") || type == 0) return errors;
        var known = type == AlertRuleType.HostMonitor
            ? await db.Hosts.Where(h => ids.Contains(h.Id)).Select(h => h.Id).ToListAsync(cancellationToken)
            : await db.Monitors.Where(m => ids.Contains(m.Id)).Select(m => m.Id).ToListAsync(cancellationToken);
        var unknown = ids.Except(known).ToList();
        if (unknown.Count > 0)
            errors["target_ids"] = [$"unknown {(type == AlertRuleType.HostMonitor ? "host" : "monitor")} ids: {string.Join(", ", unknown)}"];
        return errors;
    }
}
