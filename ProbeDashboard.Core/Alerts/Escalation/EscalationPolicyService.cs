using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Alerts.Engine;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Alerts.Escalation;

/// <summary>
/// Escalation policies for every caller (API, UI, config import). Policies are alert configuration: commands demand
/// alert_rules:write and commit the change with its audit entry, reads demand alert_rules:read. A change applies to
/// events that fire afterwards; an escalation already running keeps the groups each notice was scheduled with.
/// </summary>
public sealed partial class EscalationPolicyService(IDbContextFactory<ProbeDbContext> dbFactory, IOptions<AlertOptions> options, TimeProvider time, IAuditLog audit)
{
    public Task<EscalationChangeResult> CreateAsync(Actor actor, EscalationPolicyInput input, CancellationToken cancellationToken) =>
        SaveInOwnTransactionAsync(actor, null, input, cancellationToken);

    public Task<EscalationChangeResult> UpdateAsync(Actor actor, int id, EscalationPolicyInput input, CancellationToken cancellationToken) =>
        SaveInOwnTransactionAsync(actor, id, input, cancellationToken);

    /// <summary>
    /// Creates (<paramref name="id"/> null) or replaces a policy inside the caller's transaction (config import): validates,
    /// saves with its audit entry, and leaves the commit to the caller. An input equal to the stored policy writes nothing.
    /// </summary>
    public async Task<EscalationChangeResult> SaveAsync(ProbeDbContext db, Actor actor, int? id, EscalationPolicyInput input, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.AlertRulesWrite);
        var policy = id is null ? null : await db.EscalationPolicies.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (id is not null && policy is null) return new EscalationChangeResult(EscalationChangeOutcome.NotFound, Changed: false);
        var errors = input.Validate(options.Value.MinEscalationSeconds);
        if (errors.Count == 0) await ValidateGroupsAsync(db, input, errors, cancellationToken);
        if (errors.Count > 0) return new EscalationChangeResult(EscalationChangeOutcome.Invalid, Message: errors.First().Value[0], Errors: errors, Changed: false);
        var name = input.Name!.Trim();
        if (await db.EscalationPolicies.AnyAsync(p => p.Name == name && p.Id != (id ?? 0), cancellationToken))
            return new EscalationChangeResult(EscalationChangeOutcome.Conflict, Message: $"an escalation policy named '{name}' exists", Changed: false);

        var now = time.GetUtcNow().UtcDateTime;
        if (policy is null)
        {
            policy = new EscalationPolicy { CreatedAt = now, UpdatedAt = now };
            input.ApplyTo(policy);
            db.EscalationPolicies.Add(policy);
            // The entry names the new id, known only after the insert.
            await db.SaveChangesAsync(cancellationToken);
            audit.Add(db, actor, AuditActions.EscalationPolicyCreate, Target(policy), EscalationPolicyInput.Describe(policy));
            await db.SaveChangesAsync(cancellationToken);
            return new EscalationChangeResult(EscalationChangeOutcome.Done, policy);
        }

        var before = EscalationPolicyInput.Describe(policy);
        var beforeName = policy.Name;
        input.ApplyTo(policy);
        var after = EscalationPolicyInput.Describe(policy);
        if (before == after && beforeName == policy.Name) return new EscalationChangeResult(EscalationChangeOutcome.Done, policy, Changed: false);
        policy.UpdatedAt = now;
        var detail = (beforeName == policy.Name ? "" : $"name: {beforeName} → {policy.Name}; ") + (before == after ? "" : $"{before} → {after}");
        audit.Add(db, actor, AuditActions.EscalationPolicyUpdate, Target(policy), detail.TrimEnd(' ', ';'));
        await db.SaveChangesAsync(cancellationToken);
        return new EscalationChangeResult(EscalationChangeOutcome.Done, policy);
    }

    /// <summary>Refused while rules or monitors reference the policy, so no alert silently loses its escalation.</summary>
    public async Task<EscalationChangeResult> DeleteAsync(Actor actor, int id, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.AlertRulesWrite);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var policy = await db.EscalationPolicies.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (policy is null) return new EscalationChangeResult(EscalationChangeOutcome.NotFound, Changed: false);
        var rules = await db.AlertRules.CountAsync(r => r.EscalationPolicyId == id, cancellationToken);
        var monitors = await db.Monitors.CountAsync(m => m.EscalationPolicyId == id, cancellationToken);
        if (rules + monitors > 0)
            return new EscalationChangeResult(EscalationChangeOutcome.Conflict, Message: $"escalation policy {id} is used by {rules} alert rules and {monitors} monitors", Changed: false);
        db.EscalationPolicies.Remove(policy);
        audit.Add(db, actor, AuditActions.EscalationPolicyDelete, Target(policy), EscalationPolicyInput.Describe(policy));
        await db.SaveChangesAsync(cancellationToken);
        return new EscalationChangeResult(EscalationChangeOutcome.Done);
    }

    /// <summary>Every policy by name.</summary>
    public async Task<IReadOnlyList<EscalationPolicy>> ListAsync(Actor actor, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.AlertRulesRead);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.EscalationPolicies.AsNoTracking().OrderBy(p => p.Name).ToListAsync(cancellationToken);
    }

    /// <returns>The policy, or null when there is none with this id.</returns>
    public async Task<EscalationPolicy?> GetAsync(Actor actor, int id, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.AlertRulesRead);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.EscalationPolicies.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
    }

    private async Task<EscalationChangeResult> SaveInOwnTransactionAsync(Actor actor, int? id, EscalationPolicyInput input, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.AlertRulesWrite);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var saved = await SaveAsync(db, actor, id, input, cancellationToken);
        if (saved.Changed) await transaction.CommitAsync(cancellationToken);
        return saved;
    }

    private static async Task ValidateGroupsAsync(ProbeDbContext db, EscalationPolicyInput input, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        var wanted = input.Steps!.SelectMany(s => s!.NotificationGroupIds!).Distinct().ToList();
        var known = await db.NotificationGroups.Where(g => wanted.Contains(g.Id)).Select(g => g.Id).ToListAsync(cancellationToken);
        for (var i = 0; i < input.Steps!.Count; i++)
        {
            var unknown = input.Steps[i]!.NotificationGroupIds!.Except(known).ToList();
            if (unknown.Count > 0) errors[$"steps[{i}].notification_group_ids"] = [$"unknown notification group ids: {string.Join(", ", unknown)}"];
        }
    }

    private static string Target(EscalationPolicy policy) => $"escalation policy #{policy.Id} {policy.Name}";
}
