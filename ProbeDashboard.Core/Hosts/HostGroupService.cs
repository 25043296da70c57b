using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Events;
using ProbeDashboard.Core.Hosts.Dependencies;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Hosts;

public enum HostGroupOutcome
{
    Done,
    InvalidName,
    NotFound,
    DuplicateName,
    /// <summary>Monitors run on the group (<see cref="HostGroupResult.UsedByMonitors"/>); they must move first.</summary>
    InUse,
    UnknownGroup,
    /// <summary>depends_on names an unknown monitor or too many (<see cref="HostGroupResult.Problem"/>).</summary>
    InvalidDependsOn,
    /// <summary>Nothing to change: the group already exists by that name (import) or the host is already there.</summary>
    Unchanged,
    /// <summary>The host holds a cluster node's own metrics: it probes nothing, so it never joins a group (execute_on).</summary>
    ClusterNodeHost,
}

public sealed record HostGroupResult(HostGroupOutcome Outcome, HostGroup? Group = null, IReadOnlyList<int>? UsedByMonitors = null, string? Problem = null)
{
    public bool Succeeded => Outcome is HostGroupOutcome.Done or HostGroupOutcome.Unchanged;
}

/// <summary>A host group with how many hosts are in it and the monitors its hosts depend on.</summary>
public sealed record HostGroupView(int Id, string Name, int HostCount, IReadOnlyList<int> DependsOn);

/// <summary>
/// Host groups and host membership, for the API, the UI and the config import alike. Writes demand
/// service_monitors:write (groups are where monitors run) and commit their audit entry with the change.
/// </summary>
public sealed partial class HostGroupService(IDbContextFactory<ProbeDbContext> dbFactory, EventBus events, IAuditLog audit)
{
    public const int MaxNameLength = 200;

    /// <summary>By name, with their host counts.</summary>
    public async Task<IReadOnlyList<HostGroupView>> ListAsync(Actor actor, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.ServiceMonitorsRead);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.HostGroups.AsNoTracking().OrderBy(g => g.Name)
            .Select(g => new HostGroupView(g.Id, g.Name, db.Hosts.Count(h => h.GroupId == g.Id), g.DependsOn))
            .ToListAsync(cancellationToken);
    }

    /// <param name="dependsOn">Monitor ids the group's hosts depend on; null or empty for none.</param>
    public async Task<HostGroupResult> CreateAsync(Actor actor, string? name, CancellationToken cancellationToken, IReadOnlyList<int>? dependsOn = null)
    {
        actor.Demand(Permissions.ServiceMonitorsWrite);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var result = await CreateAsync(db, actor, name, cancellationToken, dependsOn);
        return result.Outcome == HostGroupOutcome.Unchanged ? result with { Outcome = HostGroupOutcome.DuplicateName } : result;
    }

    /// <summary>
    /// Creates the group in the caller's context (the config import's transaction), saving it with its audit entry;
    /// <see cref="HostGroupOutcome.Unchanged"/> when a group has that name already.
    /// </summary>
    public async Task<HostGroupResult> CreateAsync(ProbeDbContext db, Actor actor, string? name, CancellationToken cancellationToken, IReadOnlyList<int>? dependsOn = null)
    {
        actor.Demand(Permissions.ServiceMonitorsWrite);
        if (ValidName(name) is not { } valid) return new(HostGroupOutcome.InvalidName);
        if (dependsOn is { Count: > 0 } && await HostGroupDependencyRules.ProblemAsync(db, dependsOn, cancellationToken) is { } problem)
            return new(HostGroupOutcome.InvalidDependsOn, Problem: problem);
        if (await db.HostGroups.AnyAsync(g => g.Name == valid, cancellationToken)) return new(HostGroupOutcome.Unchanged);
        var group = new HostGroup { Name = valid, DependsOn = HostGroupDependencyRules.Normalized(dependsOn ?? []) };
        db.HostGroups.Add(group);
        await db.SaveChangesAsync(cancellationToken);
        audit.Add(db, actor, AuditActions.HostGroupCreate, Target(group), group.DependsOn.Count == 0 ? null : DependsOnDetail(group.DependsOn));
        await db.SaveChangesAsync(cancellationToken);
        return new(HostGroupOutcome.Done, group);
    }

    public Task<HostGroupResult> RenameAsync(Actor actor, int id, string? name, CancellationToken cancellationToken) =>
        UpdateAsync(actor, id, name, dependsOn: null, cancellationToken);

    /// <summary>Refused while a monitor runs on the group; its hosts become ungrouped.</summary>
    public async Task<HostGroupResult> DeleteAsync(Actor actor, int id, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.ServiceMonitorsWrite);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var group = await db.HostGroups.AsNoTracking().SingleOrDefaultAsync(g => g.Id == id, cancellationToken);
        if (group is null) return new(HostGroupOutcome.NotFound);
        var users = await db.Monitors.Where(m => m.ExecuteOn == ExecuteOnKind.Group && m.ExecuteOnGroupId == id).Select(m => m.Id).ToListAsync(cancellationToken);
        if (users.Count > 0) return new(HostGroupOutcome.InUse, UsedByMonitors: users);
        var members = await db.Hosts.Where(h => h.GroupId == id).Select(h => h.Id).ToListAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Hosts.Where(h => h.GroupId == id).ExecuteUpdateAsync(s => s.SetProperty(h => h.GroupId, (int?)null), cancellationToken);
        await db.HostGroups.Where(g => g.Id == id).ExecuteDeleteAsync(cancellationToken);
        audit.Add(db, actor, AuditActions.HostGroupDelete, Target(group), members.Count == 0 ? null : $"{members.Count} hosts ungrouped");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        foreach (var hostId in members) events.Publish(new HostConfigurationChanged(hostId, Deleted: false));
        if (group.DependsOn.Count > 0) events.Publish(new HostGroupDependenciesChanged(id));
        return new(HostGroupOutcome.Done);
    }

    /// <summary>Moves a host into a group, or out of any with <c>null</c>.</summary>
    public async Task<HostGroupResult> AssignAsync(Actor actor, int hostId, int? groupId, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.ServiceMonitorsWrite);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var host = await db.Hosts.SingleOrDefaultAsync(h => h.Id == hostId, cancellationToken);
        if (host is null) return new(HostGroupOutcome.NotFound);
        if (host.ClusterNodeName is not null) return new(HostGroupOutcome.ClusterNodeHost);
        HostGroup? group = null;
        if (groupId is { } id && (group = await db.HostGroups.AsNoTracking().SingleOrDefaultAsync(g => g.Id == id, cancellationToken)) is null)
            return new(HostGroupOutcome.UnknownGroup);
        if (host.GroupId == groupId) return new(HostGroupOutcome.Done, group);
        host.GroupId = groupId;
        audit.Add(db, actor, AuditActions.HostAssignGroup, HostService.Target(host), group is null ? "ungrouped" : $"group: {group.Name}");
        await db.SaveChangesAsync(cancellationToken);
        events.Publish(new HostConfigurationChanged(hostId, Deleted: false));
        return new(HostGroupOutcome.Done, group);
    }

    private static string Target(HostGroup group) => $"host group #{group.Id} {group.Name}";

    private static string? ValidName(string? name) => name?.Trim() is { Length: > 0 and <= MaxNameLength } valid ? valid : null;
}
