using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Maintenance;

/// <summary>
/// Maintenance windows for every caller (API, UI, config import). A window decides whether monitors alert, so it is
/// monitor configuration: commands demand service_monitors:write and commit with their audit entry; reads demand
/// service_monitors:read.
/// </summary>
public sealed class MaintenanceWindowService(
    IDbContextFactory<ProbeDbContext> dbFactory, MaintenanceCalendar calendar, TimeProvider time, IAuditLog audit)
{
    /// <summary>Active and upcoming occurrences for the dashboard (all windows when <paramref name="monitorId"/> is null).</summary>
    public Task<IReadOnlyList<MaintenanceOccurrence>> OccurrencesAsync(Actor actor, int? monitorId, TimeSpan horizon, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.ServiceMonitorsRead);
        return calendar.OccurrencesAsync(monitorId is { } id ? [id] : null, horizon, cancellationToken);
    }

    public async Task<IReadOnlyList<MaintenanceWindow>> ListAsync(Actor actor, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.ServiceMonitorsRead);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await WithTargets(db).AsNoTracking().OrderBy(w => w.Title).ThenBy(w => w.Id).ToListAsync(cancellationToken);
    }

    public async Task<MaintenanceWindow?> GetAsync(Actor actor, int id, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.ServiceMonitorsRead);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await WithTargets(db).AsNoTracking().SingleOrDefaultAsync(w => w.Id == id, cancellationToken);
    }

    /// <summary>Every monitor and host group by name, for choosing what a window covers.</summary>
    public async Task<(IReadOnlyList<(int Id, string Name)> Monitors, IReadOnlyList<(int Id, string Name)> HostGroups)> TargetChoicesAsync(
        Actor actor, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.ServiceMonitorsRead);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var monitors = await db.Monitors.AsNoTracking().OrderBy(m => m.Name).Select(m => new { m.Id, m.Name }).ToListAsync(cancellationToken);
        var groups = await db.HostGroups.AsNoTracking().OrderBy(g => g.Name).Select(g => new { g.Id, g.Name }).ToListAsync(cancellationToken);
        return ([.. monitors.Select(m => (m.Id, m.Name))], [.. groups.Select(g => (g.Id, g.Name))]);
    }

    public Task<MaintenanceResult> CreateAsync(Actor actor, MaintenanceWindowInput input, CancellationToken cancellationToken) =>
        SaveInOwnTransactionAsync(actor, null, input, cancellationToken);

    public Task<MaintenanceResult> UpdateAsync(Actor actor, int id, MaintenanceWindowInput input, CancellationToken cancellationToken) =>
        SaveInOwnTransactionAsync(actor, id, input, cancellationToken);

    /// <summary>
    /// Creates (<paramref name="id"/> null) or replaces a window inside the caller's transaction (config import):
    /// validates, checks the monitors and host groups exist, saves with the audit entry and leaves the commit to the
    /// caller. An input equal to the stored window writes nothing.
    /// </summary>
    public async Task<MaintenanceResult> SaveAsync(ProbeDbContext db, Actor actor, int? id, MaintenanceWindowInput input, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.ServiceMonitorsWrite);
        MaintenanceWindow? window = null;
        if (id is not null)
        {
            window = await WithTargets(db).SingleOrDefaultAsync(w => w.Id == id, cancellationToken);
            if (window is null) return new MaintenanceResult(MaintenanceOutcome.NotFound, Changed: false);
        }
        var errors = input.Validate();
        if (errors.Count == 0) errors = await UnknownTargetsAsync(db, input, cancellationToken);
        if (errors.Count > 0) return MaintenanceResult.Invalid(errors);

        var now = time.GetUtcNow().UtcDateTime;
        if (window is null)
        {
            window = new MaintenanceWindow { CreatedAt = now, UpdatedAt = now };
            input.ApplyTo(window);
            db.MaintenanceWindows.Add(window);
            // The entry names the new id, known only after the insert.
            await db.SaveChangesAsync(cancellationToken);
            audit.Add(db, actor, AuditActions.MaintenanceWindowCreate, Target(window), Summary(window));
            await db.SaveChangesAsync(cancellationToken);
            return new MaintenanceResult(MaintenanceOutcome.Done, window);
        }

        var proposed = new MaintenanceWindow();
        input.ApplyTo(proposed);
        if (Shape(proposed) == Shape(window)) return new MaintenanceResult(MaintenanceOutcome.Done, window, Changed: false);
        var before = Summary(window);
        db.RemoveRange(window.Monitors);
        db.RemoveRange(window.HostGroups);
        input.ApplyTo(window);
        window.UpdatedAt = now;
        audit.Add(db, actor, AuditActions.MaintenanceWindowUpdate, Target(window), $"{before} → {Summary(window)}");
        await db.SaveChangesAsync(cancellationToken);
        return new MaintenanceResult(MaintenanceOutcome.Done, window);
    }

    public async Task<MaintenanceResult> DeleteAsync(Actor actor, int id, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.ServiceMonitorsWrite);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var window = await WithTargets(db).SingleOrDefaultAsync(w => w.Id == id, cancellationToken);
        if (window is null) return new MaintenanceResult(MaintenanceOutcome.NotFound, Changed: false);
        db.MaintenanceWindows.Remove(window);
        audit.Add(db, actor, AuditActions.MaintenanceWindowDelete, Target(window), Summary(window));
        await db.SaveChangesAsync(cancellationToken);
        ForgetCachedWindows();
        return new MaintenanceResult(MaintenanceOutcome.Done);
    }

    private async Task<MaintenanceResult> SaveInOwnTransactionAsync(Actor actor, int? id, MaintenanceWindowInput input, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.ServiceMonitorsWrite);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var saved = await SaveAsync(db, actor, id, input, cancellationToken);
        if (!saved.Changed) return saved;
        await transaction.CommitAsync(cancellationToken);
        ForgetCachedWindows();
        return saved;
    }

    /// <summary>
    /// After a committed change: the alert engine mutes by the new windows at once, and status pages (which list
    /// upcoming maintenance) show it rather than after their caches expire (<see cref="StatusPages.PublicStatusInvalidation"/>
    /// clears them on the change event the calendar publishes, on every node).
    /// </summary>
    public void ForgetCachedWindows() => calendar.Forget();

    internal static IQueryable<MaintenanceWindow> WithTargets(ProbeDbContext db) =>
        db.MaintenanceWindows.Include(w => w.Monitors).Include(w => w.HostGroups).AsSplitQuery();

    private static async Task<Dictionary<string, string[]>> UnknownTargetsAsync(ProbeDbContext db, MaintenanceWindowInput input, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var monitorIds = (input.MonitorIds ?? []).Distinct().ToList();
        var knownMonitors = (await db.Monitors.Where(m => monitorIds.Contains(m.Id)).Select(m => m.Id).ToListAsync(cancellationToken)).ToHashSet();
        if (monitorIds.Where(i => !knownMonitors.Contains(i)).ToList() is { Count: > 0 } missing)
            errors["monitor_ids"] = [.. missing.Select(i => $"no monitor has id {i}")];
        var groupIds = (input.HostGroupIds ?? []).Distinct().ToList();
        var knownGroups = (await db.HostGroups.Where(g => groupIds.Contains(g.Id)).Select(g => g.Id).ToListAsync(cancellationToken)).ToHashSet();
        if (groupIds.Where(i => !knownGroups.Contains(i)).ToList() is { Count: > 0 } missingGroups)
            errors["host_group_ids"] = [.. missingGroups.Select(i => $"no host group has id {i}")];
        return errors;
    }

    private static string Target(MaintenanceWindow w) => $"maintenance window #{w.Id} {w.Title}";

    private static string Summary(MaintenanceWindow w) =>
        $"{(w.Enabled ? "enabled" : "disabled")}, {w.Kind.ToString().ToLowerInvariant()}"
        + (MaintenanceSchedule.CronText(w) is { } cron ? $" '{cron}' for {w.DurationMinutes} min {w.TimeZone ?? "UTC"}" : $" {w.StartsAt:u} – {w.EndsAt:u}")
        + $", {w.Monitors.Count} monitors, {w.HostGroups.Count} host groups";

    /// <summary>Everything a save can change, as text, to tell a real change from a repeat.</summary>
    private static string Shape(MaintenanceWindow w) =>
        string.Join("|", w.Title, w.Description, w.Enabled, w.Kind, w.StartsAt?.Ticks, w.EndsAt?.Ticks, w.Cron, w.WeekDays, w.StartMinuteOfDay,
            w.DurationMinutes, w.TimeZone, w.ActiveFrom?.Ticks, w.ActiveUntil?.Ticks,
            string.Join(",", w.Monitors.Select(m => m.MonitorId).Order()), string.Join(",", w.HostGroups.Select(g => g.HostGroupId).Order()));
}
