using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Events;
using ProbeDashboard.Core.Probing;
using ProbeDashboard.Core.Push;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Monitors;

/// <summary>
/// Creates, replaces, toggles and deletes monitors for every caller (API, UI, compat APIs, import). Each command
/// demands service_monitors:write of its actor, validates first so nothing is half-saved, commits the change with
/// its audit entry, and tells the scheduler and live views only after that commit. The overloads taking a
/// <see cref="ProbeDbContext"/> (MonitorService.Staged.cs) do the same inside a caller's transaction.
/// </summary>
public sealed partial class MonitorService(
    IDbContextFactory<ProbeDbContext> dbFactory,
    EventBus events,
    IOptionsMonitor<ProbingOptions> probing,
    TimeProvider time,
    IAuditLog audit)
{
    /// <summary>
    /// Creates a monitor, committed together with the creates queued at the same moment (MonitorService.CreateGroups.cs):
    /// answered after that commit, with its own id and audit entry.
    /// </summary>
    /// <param name="origin">Where the monitor comes from ("api", "ui", ...), kept for operators.</param>
    public Task<MonitorSaveResult> CreateAsync(Actor actor, MonitorInput input, string origin, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.ServiceMonitorsWrite);
        return CreateInGroupAsync(actor, input, origin, cancellationToken);
    }

    /// <summary>Replaces every setting of the monitor (PUT semantics); its history stays.</summary>
    public async Task<MonitorSaveResult> UpdateAsync(Actor actor, int id, MonitorInput input, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.ServiceMonitorsWrite);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var monitor = await db.Monitors.SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (monitor is null) return MonitorSaveResult.Missing;
        var change = await UpdateAsync(db, actor, monitor, input, cancellationToken);
        Publish(change);
        return change.Result;
    }

    /// <returns>False when no monitor has this id.</returns>
    public async Task<bool> SetEnabledAsync(Actor actor, int id, bool enable, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.ServiceMonitorsWrite);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var monitor = await db.Monitors.SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (monitor is null) return false;
        Publish(await SetEnabledAsync(db, actor, monitor, enable, cancellationToken));
        return true;
    }

    /// <summary>Deletes the monitor with its raw results and rollups (they have no foreign key, by design).</summary>
    /// <returns>False when no monitor has this id.</returns>
    public async Task<bool> DeleteAsync(Actor actor, int id, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.ServiceMonitorsWrite);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var name = await db.Monitors.Where(m => m.Id == id).Select(m => m.Name).SingleOrDefaultAsync(cancellationToken);
        if (await db.Monitors.Where(m => m.Id == id).ExecuteDeleteAsync(cancellationToken) == 0) return false;
        await db.ProbeResults.Where(r => r.MonitorId == id).ExecuteDeleteAsync(cancellationToken);
        await db.AvailabilityBuckets.Where(b => b.MonitorId == id).ExecuteDeleteAsync(cancellationToken);
        audit.Add(db, actor, AuditActions.MonitorDelete, $"monitor #{id} {name}", null);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        events.Publish(new MonitorConfigurationChanged(id, Deleted: true));
        events.Publish(new MonitorStatusChanged(id, MonitorStatus.Unknown, time.GetUtcNow().UtcDateTime));
        return true;
    }

    /// <summary>Tells the scheduler and live views of a change once the caller's transaction has committed.</summary>
    public void Publish(StagedMonitorChange change)
    {
        foreach (var evt in change.Events) events.Publish(evt);
    }

    /// <param name="monitorId">The monitor being replaced; null for a new one.</param>
    private async Task<IReadOnlyDictionary<string, string[]>> ValidateAsync(ProbeDbContext db, MonitorInput input, int? monitorId, CancellationToken cancellationToken)
    {
        // Only the hosts and groups the input names are looked up, so validation stays cheap with many hosts.
        var hostIds = (input.SkipHosts ?? []).Concat(input.ExecuteOn?.HostIds ?? []).Distinct().ToList();
        var groupId = input.ExecuteOn?.GroupId;
        var knownHosts = hostIds.Count == 0 ? []
            : await db.Hosts.Where(h => hostIds.Contains(h.Id) && h.ClusterNodeName == null).Select(h => h.Id).ToListAsync(cancellationToken);
        var knownGroups = groupId is null ? []
            : await db.HostGroups.Where(g => g.Id == groupId).Select(g => g.Id).ToListAsync(cancellationToken);
        var rules = new MonitorRules(probing.CurrentValue.MinIntervalSeconds, knownHosts.ToHashSet(), knownGroups.ToHashSet());
        var errors = MonitorValidator.Validate(input, rules);
        if (input.NotificationId is > 0 && !errors.ContainsKey("notification_id")
            && !await db.NotificationGroups.AnyAsync(g => g.Id == input.NotificationId, cancellationToken))
            errors = new Dictionary<string, string[]>(errors) { ["notification_id"] = ["no notification group has this id"] };
        if (input.Push?.Token is { } token && input.Type == (int)MonitorKind.Push)
        {
            var problem = !PushTokens.LooksValid(token) ? $"must be {PushTokens.Length} URL-safe characters (A-Z, a-z, 0-9, - and _)"
                : await db.Monitors.AnyAsync(m => m.PushToken == token && m.Id != monitorId, cancellationToken) ? "is already used by another monitor"
                : null;
            if (problem is not null) errors = new Dictionary<string, string[]>(errors) { ["push.token"] = [problem] };
        }
        if (input.EscalationPolicyId is > 0 && !errors.ContainsKey("escalation_policy_id")
            && !await db.EscalationPolicies.AnyAsync(p => p.Id == input.EscalationPolicyId, cancellationToken))
            errors = new Dictionary<string, string[]>(errors) { ["escalation_policy_id"] = ["no escalation policy has this id"] };
        if (input.DependsOn is { Count: > 0 } dependsOn
            && await Dependencies.DependencyRules.ProblemAsync(db, monitorId, input.Name?.Trim() ?? "", dependsOn, cancellationToken) is { } dependencyProblem)
            errors = new Dictionary<string, string[]>(errors) { ["depends_on"] = [dependencyProblem] };
        return errors;
    }
}
