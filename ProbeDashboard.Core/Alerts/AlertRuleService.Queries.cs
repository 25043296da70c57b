using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Auth;

namespace ProbeDashboard.Core.Alerts;

public sealed partial class AlertRuleService
{
    /// <summary>One page of rules by id with their event figures, and the total matching.</summary>
    public async Task<(int Total, IReadOnlyList<AlertRuleSummary> Rules)> ListAsync(
        Actor actor, AlertRuleFilter filter, int skip, int take, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.AlertRulesRead);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.AlertRules.AsNoTracking();
        if (filter.Enabled is { } enabled) query = query.Where(r => r.Enabled == enabled);
        if (filter.Type is { } type) query = query.Where(r => r.Type == type);
        if (filter.Level is { } level) query = query.Where(r => r.Level == level);
        var total = await query.CountAsync(cancellationToken);
        var since = time.GetUtcNow().UtcDateTime.AddHours(-24);
        // One statement: the event figures are correlated subqueries, not a query per rule.
        var rules = await query.OrderBy(r => r.Id).Skip(Math.Max(0, skip)).Take(Math.Max(0, take))
            .Select(r => new AlertRuleSummary(r,
                db.AlertEvents.Count(e => e.AlertRuleId == r.Id && e.Status != AlertEventStatus.Resolved),
                db.AlertEvents.Count(e => e.AlertRuleId == r.Id && e.PendingSince >= since),
                db.AlertEvents.Where(e => e.AlertRuleId == r.Id).Max(e => e.TriggerTime)))
            .ToListAsync(cancellationToken);
        return (total, rules);
    }

    /// <returns>The rule, or null when there is none with this id.</returns>
    public async Task<AlertRule?> GetAsync(Actor actor, int id, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.AlertRulesRead);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AlertRules.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
    }

    /// <summary>What a rule of <paramref name="type"/> can watch, by name: hosts for host_monitor, monitors for service_probe.</summary>
    public async Task<IReadOnlyList<AlertChoice>> TargetChoicesAsync(Actor actor, AlertRuleType type, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.AlertRulesRead);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return type == AlertRuleType.HostMonitor
            ? await db.Hosts.AsNoTracking().OrderBy(h => h.Name).Select(h => new AlertChoice(h.Id, h.Name)).ToListAsync(cancellationToken)
            : await db.Monitors.AsNoTracking().OrderBy(m => m.Name).Select(m => new AlertChoice(m.Id, m.Name)).ToListAsync(cancellationToken);
    }
}
