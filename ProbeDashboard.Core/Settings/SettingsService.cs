using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Egress;
using ProbeDashboard.Core.Results;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Settings;

/// <summary>The egress policies in force (deployment configuration: read-only here), with the ranges no policy allows.</summary>
public sealed record EgressView(EgressPolicy Probes, EgressPolicy Webhooks, IReadOnlyList<string> AlwaysRefused);

/// <summary>
/// What administrators see and change on the settings page and under /api/v1/settings: data retention, the
/// egress policy (a view), the database's size and compaction. Everything but the egress view demands admin; each change commits its
/// audit entry with it (compaction, which changes no row, records its entry once it finished).
/// </summary>
public sealed class SettingsService(
    IDbContextFactory<ProbeDbContext> dbFactory,
    RetentionSettings retention,
    EgressPolicies egress,
    DatabaseCompactor compactor,
    TimeProvider time,
    IAuditLog audit)
{
    public async Task<RetentionPolicy> GetRetentionAsync(Actor actor, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.Admin);
        return await retention.GetAsync(cancellationToken);
    }

    /// <summary>Applies from the retention job's next run on, without a restart.</summary>
    /// <returns>Field errors (raw_days, rollup_days); empty when saved.</returns>
    public async Task<IReadOnlyDictionary<string, string[]>> SaveRetentionAsync(Actor actor, int rawDays, int rollupDays, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.Admin);
        var errors = RetentionSettings.Validate(rawDays, rollupDays);
        if (errors.Count > 0) return errors;
        var before = await retention.GetAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var (key, value) in new[] { (RetentionSettings.RawDaysKey, rawDays), (RetentionSettings.RollupDaysKey, rollupDays) })
        {
            var row = await db.SystemSettings.SingleOrDefaultAsync(s => s.Key == key, cancellationToken);
            if (row is null) db.SystemSettings.Add(row = new SystemSetting { Key = key });
            row.Value = value.ToString(CultureInfo.InvariantCulture);
            row.UpdatedAt = now;
        }
        audit.Add(db, actor, AuditActions.RetentionChange, "data retention",
            $"raw_days: {before.RawDays} -> {rawDays}, rollup_days: {before.RollupDays} -> {rollupDays}");
        await db.SaveChangesAsync(cancellationToken);
        return errors;
    }

    /// <summary>Every signed-in role may see what its probes and webhooks may reach (the settings page shows it to all).</summary>
    public EgressView GetEgress(Actor actor)
    {
        actor.Demand(Permissions.ServiceMonitorsRead);
        return new EgressView(egress.Probes, egress.Webhooks, [.. EgressPolicy.AlwaysRefused.Select(n => n.ToString())]);
    }

    public async Task<DatabaseSize> GetDatabaseSizeAsync(Actor actor, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.Admin);
        return await compactor.SizeAsync(cancellationToken);
    }

    /// <returns>Null when a compaction is already running (nothing is recorded then).</returns>
    public async Task<CompactionResult?> CompactDatabaseAsync(Actor actor, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.Admin);
        var result = await compactor.CompactAsync(cancellationToken);
        if (result is null) return null;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        audit.Add(db, actor, AuditActions.DatabaseCompact, "database",
            $"{result.Before.TotalBytes} -> {result.After.TotalBytes} bytes{(result.FullVacuum ? ", full vacuum" : "")}");
        await db.SaveChangesAsync(cancellationToken);
        return result;
    }
}
