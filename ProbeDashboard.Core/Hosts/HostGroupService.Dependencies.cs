using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Hosts.Dependencies;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Hosts;

/// <summary>A host group's depends_on: the monitors (the site's uplink) whose outage explains its hosts' alerts.</summary>
public sealed partial class HostGroupService
{
    /// <summary>
    /// Renames the group and, when <paramref name="dependsOn"/> is given, replaces its dependencies: both checked before
    /// either is saved, saved together with one audit entry per change.
    /// </summary>
    public async Task<HostGroupResult> UpdateAsync(Actor actor, int id, string? name, IReadOnlyList<int>? dependsOn, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.ServiceMonitorsWrite);
        if (ValidName(name) is not { } valid) return new(HostGroupOutcome.InvalidName);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var group = await db.HostGroups.SingleOrDefaultAsync(g => g.Id == id, cancellationToken);
        if (group is null) return new(HostGroupOutcome.NotFound);
        if (dependsOn is { Count: > 0 } && await HostGroupDependencyRules.ProblemAsync(db, dependsOn, cancellationToken) is { } problem)
            return new(HostGroupOutcome.InvalidDependsOn, Problem: problem);
        if (group.Name != valid && await db.HostGroups.AnyAsync(g => g.Name == valid && g.Id != id, cancellationToken)) return new(HostGroupOutcome.DuplicateName);
        if (group.Name != valid)
        {
            var before = group.Name;
            group.Name = valid;
            audit.Add(db, actor, AuditActions.HostGroupRename, Target(group), $"name: {before} -> {valid}");
        }
        var changed = dependsOn is not null && SetDependsOn(db, actor, group, dependsOn);
        await db.SaveChangesAsync(cancellationToken);
        if (changed) events.Publish(new HostGroupDependenciesChanged(id));
        return new(HostGroupOutcome.Done, group);
    }

    /// <summary>
    /// Replaces the dependencies of a group in the caller's context (the config import's transaction), saving them with
    /// their audit entry; <see cref="HostGroupOutcome.Unchanged"/> when they are the same. The caller publishes
    /// <see cref="HostGroupDependenciesChanged"/> after its commit.
    /// </summary>
    public async Task<HostGroupResult> SetDependsOnAsync(ProbeDbContext db, Actor actor, HostGroup group, IReadOnlyList<int> dependsOn, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.ServiceMonitorsWrite);
        if (await HostGroupDependencyRules.ProblemAsync(db, dependsOn, cancellationToken) is { } problem)
            return new(HostGroupOutcome.InvalidDependsOn, Problem: problem);
        if (!SetDependsOn(db, actor, group, dependsOn)) return new(HostGroupOutcome.Unchanged, group);
        await db.SaveChangesAsync(cancellationToken);
        return new(HostGroupOutcome.Done, group);
    }

    /// <summary>Announces a change saved through <see cref="SetDependsOnAsync"/>, after the caller committed it.</summary>
    public void PublishDependenciesChanged(int groupId) => events.Publish(new HostGroupDependenciesChanged(groupId));

    private bool SetDependsOn(ProbeDbContext db, Actor actor, HostGroup group, IReadOnlyList<int> dependsOn)
    {
        var normalized = HostGroupDependencyRules.Normalized(dependsOn);
        if (normalized.SequenceEqual(group.DependsOn)) return false;
        audit.Add(db, actor, AuditActions.HostGroupSetDependsOn, Target(group),
            $"{DependsOnDetail(group.DependsOn)} -> {DependsOnDetail(normalized)}");
        group.DependsOn = normalized;
        return true;
    }

    private static string DependsOnDetail(IReadOnlyList<int> dependsOn) =>
        dependsOn.Count == 0 ? "depends on nothing" : $"depends on monitors {string.Join(", ", dependsOn)}";
}
