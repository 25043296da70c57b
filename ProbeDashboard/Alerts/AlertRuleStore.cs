using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Alerts.Engine;
using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Alerts;

/// <summary>Outcome of saving a rule: the rule, or field errors, or "no such rule".</summary>
public sealed record AlertRuleSaveResult(AlertRule? Rule, Dictionary<string, string[]> Errors, bool NotFound = false);

/// <summary>Creating, changing and deleting alert rules, with one validation for the API and the UI; the engine hears of each change.</summary>
public sealed class AlertRuleStore(AlertProcessor processor, TimeProvider time, IAuditLog audit)
{
    /// <param name="id">The rule to change, or null to create one.</param>
    public async Task<AlertRuleSaveResult> SaveAsync(ProbeDbContext db, int? id, AlertRuleRequest request, CancellationToken cancellationToken)
    {
        var rule = id is null ? null : await db.AlertRules.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (id is not null && rule is null) return new AlertRuleSaveResult(null, [], NotFound: true);
        var errors = await ValidateAsync(request, db, cancellationToken);
        if (errors.Count > 0) return new AlertRuleSaveResult(null, errors);
        request.Validate(out var type, out var level);
        var now = time.GetUtcNow().UtcDateTime;
        var created = rule is null;
        if (rule is null)
        {
            rule = new AlertRule { CreatedAt = now };
            db.AlertRules.Add(rule);
        }
        request.ApplyTo(rule, type, level, now);
        await db.SaveChangesAsync(cancellationToken);
        await processor.RuleChangedAsync(rule.Id, cancellationToken);
        await audit.RecordAsync(created ? AuditActions.RuleCreate : AuditActions.RuleUpdate, $"alert rule #{rule.Id} {rule.Name}", rule.Condition, cancellationToken);
        return new AlertRuleSaveResult(rule, []);
    }

    /// <summary>Deletes the rule and closes its open events quietly; past events stay as history.</summary>
    /// <returns>False when there was no such rule.</returns>
    public async Task<bool> DeleteAsync(ProbeDbContext db, int id, CancellationToken cancellationToken)
    {
        var name = await db.AlertRules.Where(r => r.Id == id).Select(r => r.Name).SingleOrDefaultAsync(cancellationToken);
        var deleted = await db.AlertRules.Where(r => r.Id == id).ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0) return false;
        await processor.RuleChangedAsync(id, cancellationToken);
        await audit.RecordAsync(AuditActions.RuleDelete, $"alert rule #{id} {name}", null, cancellationToken);
        return true;
    }

    private static async Task<Dictionary<string, string[]>> ValidateAsync(AlertRuleRequest request, ProbeDbContext db, CancellationToken cancellationToken)
    {
        var errors = request.Validate(out var type, out _);
        if (request.NotificationGroupId is { } groupId && !await db.NotificationGroups.AnyAsync(g => g.Id == groupId, cancellationToken))
            errors["notification_group_id"] = [$"notification group {groupId} does not exist"];
        var ids = request.TargetIds?.Distinct().ToList() ?? [];
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
