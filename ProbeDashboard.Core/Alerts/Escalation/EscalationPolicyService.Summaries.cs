using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Auth;

namespace ProbeDashboard.Core.Alerts.Escalation;

/// <summary>A policy as the policies page lists it: with how many alert rules and monitors reference it (delete is refused while any do).</summary>
public sealed record EscalationPolicySummary(EscalationPolicy Policy, int Rules, int Monitors)
{
    public bool InUse => Rules + Monitors > 0;
}

public sealed partial class EscalationPolicyService
{
    /// <summary>Every policy by name with its users counted; three statements whatever the number of policies.</summary>
    public async Task<IReadOnlyList<EscalationPolicySummary>> SummariesAsync(Actor actor, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.AlertRulesRead);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var policies = await db.EscalationPolicies.AsNoTracking().OrderBy(p => p.Name).ToListAsync(cancellationToken);
        var rules = await db.AlertRules.Where(r => r.EscalationPolicyId != null).GroupBy(r => r.EscalationPolicyId!.Value)
            .Select(g => new { Id = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Id, g => g.Count, cancellationToken);
        var monitors = await db.Monitors.Where(m => m.EscalationPolicyId != null).GroupBy(m => m.EscalationPolicyId!.Value)
            .Select(g => new { Id = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Id, g => g.Count, cancellationToken);
        return [.. policies.Select(p => new EscalationPolicySummary(p, rules.GetValueOrDefault(p.Id), monitors.GetValueOrDefault(p.Id)))];
    }
}
