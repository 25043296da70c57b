using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Events;
using ProbeDashboard.Core.Probing;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Monitors;

/// <summary>
/// Creates, replaces, toggles and deletes monitors for every caller (API, UI, compat APIs, import). Each command
/// demands service_monitors:write of its actor, validates first so nothing is half-saved, commits the change with
/// its audit entry in one SaveChanges, and tells the scheduler and live views only after that commit.
/// </summary>
public sealed class MonitorService(
    IDbContextFactory<ProbeDbContext> dbFactory,
    EventBus events,
    IOptionsMonitor<ProbingOptions> probing,
    TimeProvider time,
    IAuditLog audit)
{
    /// <param name="origin">Where the monitor comes from ("api", "ui", ...), kept for operators.</param>
    public async Task<MonitorSaveResult> CreateAsync(Actor actor, MonitorInput input, string origin, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.ServiceMonitorsWrite);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var errors = await ValidateAsync(db, input, cancellationToken);
        if (errors.Count > 0) return MonitorSaveResult.Invalid(errors);

        var monitor = NewMonitor(input, origin, time.GetUtcNow().UtcDateTime);
        // The entry names the new id, known only after the insert: two statements, one transaction.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Monitors.Add(monitor);
        await db.SaveChangesAsync(cancellationToken);
        audit.Add(db, actor, AuditActions.MonitorCreate, Target(monitor), $"{monitor.Kind} {monitor.Target} via {origin}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        events.Publish(new MonitorConfigurationChanged(monitor.Id, Deleted: false));
        return MonitorSaveResult.Saved(monitor);
    }

    /// <summary>Replaces every setting of the monitor (PUT semantics); its history stays.</summary>
    public async Task<MonitorSaveResult> UpdateAsync(Actor actor, int id, MonitorInput input, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.ServiceMonitorsWrite);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var monitor = await db.Monitors.SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (monitor is null) return MonitorSaveResult.Missing;
        var errors = await ValidateAsync(db, input, cancellationToken);
        if (errors.Count > 0) return MonitorSaveResult.Invalid(errors);

        var (kind, target, wasEnabled) = (monitor.Kind, monitor.Target, monitor.Enabled);
        input.ApplyTo(monitor);
        var now = time.GetUtcNow().UtcDateTime;
        monitor.UpdatedAt = now;
        // The last status described another target or a paused monitor; it is unknown until the next probe.
        var statusReset = monitor.Kind != kind || monitor.Target != target || (wasEnabled && !monitor.Enabled);
        if (statusReset) monitor.MarkUnknown(now);
        audit.Add(db, actor, AuditActions.MonitorUpdate, Target(monitor), $"{monitor.Kind} {monitor.Target}");
        await db.SaveChangesAsync(cancellationToken);

        events.Publish(new MonitorConfigurationChanged(monitor.Id, Deleted: false));
        if (statusReset) events.Publish(new MonitorStatusChanged(monitor.Id, MonitorStatus.Unknown, now));
        return MonitorSaveResult.Saved(monitor);
    }

    /// <returns>False when no monitor has this id.</returns>
    public async Task<bool> SetEnabledAsync(Actor actor, int id, bool enable, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.ServiceMonitorsWrite);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var monitor = await db.Monitors.SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (monitor is null) return false;
        if (monitor.Enabled == enable) return true;

        var now = time.GetUtcNow().UtcDateTime;
        monitor.Enabled = enable;
        monitor.UpdatedAt = now;
        if (!enable) monitor.MarkUnknown(now);
        audit.Add(db, actor, AuditActions.MonitorToggle, Target(monitor), enable ? "enabled" : "paused");
        await db.SaveChangesAsync(cancellationToken);

        events.Publish(new MonitorConfigurationChanged(id, Deleted: false));
        if (!enable) events.Publish(new MonitorStatusChanged(id, MonitorStatus.Unknown, now));
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

    /// <summary>Checks an input as <see cref="CreateAsync"/> would, saving nothing: for callers that store several monitors in one transaction.</summary>
    public async Task<IReadOnlyDictionary<string, string[]>> ValidateAsync(MonitorInput input, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await ValidateAsync(db, input, cancellationToken);
    }

    /// <summary>A new, not yet saved monitor from a validated input.</summary>
    public static MonitorDefinition NewMonitor(MonitorInput input, string origin, DateTime now)
    {
        var monitor = new MonitorDefinition { Origin = origin, CreatedAt = now, UpdatedAt = now };
        monitor.Current.StatusSince = now;
        input.ApplyTo(monitor);
        return monitor;
    }

    private static string Target(MonitorDefinition monitor) => $"monitor #{monitor.Id} {monitor.Name}";

    private async Task<IReadOnlyDictionary<string, string[]>> ValidateAsync(ProbeDbContext db, MonitorInput input, CancellationToken cancellationToken)
    {
        // Only the hosts and groups the input names are looked up, so validation stays cheap with many hosts.
        var hostIds = (input.SkipHosts ?? []).Concat(input.ExecuteOn?.HostIds ?? []).Distinct().ToList();
        var groupId = input.ExecuteOn?.GroupId;
        var knownHosts = hostIds.Count == 0 ? []
            : await db.Hosts.Where(h => hostIds.Contains(h.Id)).Select(h => h.Id).ToListAsync(cancellationToken);
        var knownGroups = groupId is null ? []
            : await db.HostGroups.Where(g => g.Id == groupId).Select(g => g.Id).ToListAsync(cancellationToken);
        var rules = new MonitorRules(probing.CurrentValue.MinIntervalSeconds, knownHosts.ToHashSet(), knownGroups.ToHashSet());
        var errors = MonitorValidator.Validate(input, rules);
        if (input.NotificationId is > 0 && !errors.ContainsKey("notification_id")
            && !await db.NotificationGroups.AnyAsync(g => g.Id == input.NotificationId, cancellationToken))
            errors = new Dictionary<string, string[]>(errors) { ["notification_id"] = ["no notification group has this id"] };
        return errors;
    }
}
