using System.Text.Json;
using System.Text.Json.Nodes;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Events;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Monitors;

/// <summary>
/// A command's work staged on a caller's context and saved there, but not committed: the result, and the events
/// to hand to <see cref="MonitorService.Publish"/> once the caller's transaction commits.
/// </summary>
public sealed record StagedMonitorChange(MonitorSaveResult Result, IReadOnlyList<object> Events)
{
    public static StagedMonitorChange Nothing(MonitorSaveResult result) => new(result, []);
}

/// <summary>
/// The commands for callers that change several monitors in one transaction of their own (config import, iplive
/// groups). Each demands the permission, validates, changes the monitor and adds its audit entry, and saves on the
/// caller's context; it neither begins nor commits a transaction and publishes nothing.
/// </summary>
public sealed partial class MonitorService
{
    private static readonly JsonSerializerOptions DiffNames = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
    private static readonly string[] PushArmingFields = ["type", "push", "enable"];

    public async Task<StagedMonitorChange> CreateAsync(ProbeDbContext db, Actor actor, MonitorInput input, string origin, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.ServiceMonitorsWrite);
        var errors = await ValidateAsync(db, input, null, cancellationToken);
        if (errors.Count > 0) return StagedMonitorChange.Nothing(MonitorSaveResult.Invalid(errors));

        var now = time.GetUtcNow().UtcDateTime;
        var monitor = new MonitorDefinition { Origin = origin, CreatedAt = now, UpdatedAt = now };
        monitor.Current.StatusSince = now;
        input.ApplyTo(monitor);
        monitor.ArmPush(now);
        // The entry names the new id: reserved first, so monitor and entry are one save (one change-tracker pass).
        await MonitorIds.SaveWithReservedIdAsync(db, id =>
        {
            monitor.Id = id;
            db.Monitors.Add(monitor);
            audit.Add(db, actor, AuditActions.MonitorCreate, Target(monitor), $"{monitor.Kind} {monitor.Target} via {origin}");
        }, cancellationToken);
        return new(MonitorSaveResult.Saved(monitor), [new MonitorConfigurationChanged(monitor.Id, Deleted: false, Created: monitor)]);
    }

    /// <summary>Replaces every setting of a monitor tracked by <paramref name="db"/>. Nothing is saved or recorded when the input changes nothing.</summary>
    public async Task<StagedMonitorChange> UpdateAsync(ProbeDbContext db, Actor actor, MonitorDefinition monitor, MonitorInput input, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.ServiceMonitorsWrite);
        var errors = await ValidateAsync(db, input, monitor.Id, cancellationToken);
        if (errors.Count > 0) return StagedMonitorChange.Nothing(MonitorSaveResult.Invalid(errors));

        var before = Settings(monitor);
        var (kind, target, wasEnabled) = (monitor.Kind, monitor.Target, monitor.Enabled);
        input.ApplyTo(monitor);
        var changed = ChangedFields(before, Settings(monitor));
        if (changed.Count == 0) return StagedMonitorChange.Nothing(MonitorSaveResult.Unchanged(monitor));

        var now = time.GetUtcNow().UtcDateTime;
        monitor.UpdatedAt = now;
        // The last status described another target or a paused monitor; it is unknown until the next probe.
        var statusReset = monitor.Kind != kind || monitor.Target != target || (wasEnabled && !monitor.Enabled);
        if (statusReset) monitor.MarkUnknown(now);
        // A new schedule (or type, or a resume) counts from now; other edits keep the deadline already awaited.
        if ((monitor.Kind == MonitorKind.Push || kind == MonitorKind.Push) && changed.Intersect(PushArmingFields).Any())
            monitor.ArmPush(now);
        audit.Add(db, actor, AuditActions.MonitorUpdate, Target(monitor), $"{monitor.Kind} {monitor.Target}; changed {string.Join(", ", changed)}");
        await db.SaveChangesAsync(cancellationToken);
        List<object> published = [new MonitorConfigurationChanged(monitor.Id, Deleted: false)];
        if (statusReset) published.Add(new MonitorStatusChanged(monitor.Id, MonitorStatus.Unknown, now));
        return new(MonitorSaveResult.Saved(monitor), published);
    }

    /// <summary>Starts or pauses a monitor tracked by <paramref name="db"/>; nothing happens when it already is.</summary>
    public async Task<StagedMonitorChange> SetEnabledAsync(ProbeDbContext db, Actor actor, MonitorDefinition monitor, bool enable, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.ServiceMonitorsWrite);
        if (monitor.Enabled == enable) return StagedMonitorChange.Nothing(MonitorSaveResult.Unchanged(monitor));

        var now = time.GetUtcNow().UtcDateTime;
        monitor.Enabled = enable;
        monitor.UpdatedAt = now;
        if (!enable) monitor.MarkUnknown(now);
        if (monitor.Kind == MonitorKind.Push) monitor.ArmPush(now);
        audit.Add(db, actor, AuditActions.MonitorToggle, Target(monitor), enable ? "enabled" : "paused");
        await db.SaveChangesAsync(cancellationToken);
        List<object> published = [new MonitorConfigurationChanged(monitor.Id, Deleted: false)];
        if (!enable) published.Add(new MonitorStatusChanged(monitor.Id, MonitorStatus.Unknown, now));
        return new(MonitorSaveResult.Saved(monitor), published);
    }

    private static string Target(MonitorDefinition monitor) => $"monitor #{monitor.Id} {monitor.Name}";

    private static JsonObject Settings(MonitorDefinition monitor) =>
        JsonSerializer.SerializeToNode(MonitorInput.From(monitor), DiffNames)!.AsObject();

    /// <summary>The wire names of the settings that differ, for the audit entry's short diff.</summary>
    private static List<string> ChangedFields(JsonObject before, JsonObject after) =>
        [.. after.Where(p => !JsonNode.DeepEquals(p.Value, before[p.Key])).Select(p => p.Key)];
}
