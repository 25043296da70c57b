using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Events;
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
}

public sealed record HostGroupResult(HostGroupOutcome Outcome, HostGroup? Group = null, IReadOnlyList<int>? UsedByMonitors = null)
{
    public bool Succeeded => Outcome == HostGroupOutcome.Done;
}

/// <summary>Host groups and host membership, for the API and the UI alike.</summary>
public sealed class HostGroupService(IDbContextFactory<ProbeDbContext> dbFactory, EventBus events)
{
    public const int MaxNameLength = 200;

    public async Task<HostGroupResult> CreateAsync(string? name, CancellationToken cancellationToken)
    {
        if (ValidName(name) is not { } valid) return new(HostGroupOutcome.InvalidName);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.HostGroups.AnyAsync(g => g.Name == valid, cancellationToken)) return new(HostGroupOutcome.DuplicateName);
        var group = new HostGroup { Name = valid };
        db.HostGroups.Add(group);
        await db.SaveChangesAsync(cancellationToken);
        return new(HostGroupOutcome.Done, group);
    }

    public async Task<HostGroupResult> RenameAsync(int id, string? name, CancellationToken cancellationToken)
    {
        if (ValidName(name) is not { } valid) return new(HostGroupOutcome.InvalidName);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var group = await db.HostGroups.SingleOrDefaultAsync(g => g.Id == id, cancellationToken);
        if (group is null) return new(HostGroupOutcome.NotFound);
        if (await db.HostGroups.AnyAsync(g => g.Name == valid && g.Id != id, cancellationToken)) return new(HostGroupOutcome.DuplicateName);
        group.Name = valid;
        await db.SaveChangesAsync(cancellationToken);
        return new(HostGroupOutcome.Done, group);
    }

    /// <summary>Refused while a monitor runs on the group; its hosts become ungrouped.</summary>
    public async Task<HostGroupResult> DeleteAsync(int id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.HostGroups.AnyAsync(g => g.Id == id, cancellationToken)) return new(HostGroupOutcome.NotFound);
        var users = await db.Monitors.Where(m => m.ExecuteOn == ExecuteOnKind.Group && m.ExecuteOnGroupId == id).Select(m => m.Id).ToListAsync(cancellationToken);
        if (users.Count > 0) return new(HostGroupOutcome.InUse, UsedByMonitors: users);
        var members = await db.Hosts.Where(h => h.GroupId == id).Select(h => h.Id).ToListAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Hosts.Where(h => h.GroupId == id).ExecuteUpdateAsync(s => s.SetProperty(h => h.GroupId, (int?)null), cancellationToken);
        await db.HostGroups.Where(g => g.Id == id).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        foreach (var hostId in members) events.Publish(new HostConfigurationChanged(hostId, Deleted: false));
        return new(HostGroupOutcome.Done);
    }

    /// <summary>Moves a host into a group, or out of any with <c>null</c>.</summary>
    public async Task<HostGroupResult> AssignAsync(int hostId, int? groupId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var host = await db.Hosts.SingleOrDefaultAsync(h => h.Id == hostId, cancellationToken);
        if (host is null) return new(HostGroupOutcome.NotFound);
        HostGroup? group = null;
        if (groupId is { } id && (group = await db.HostGroups.AsNoTracking().SingleOrDefaultAsync(g => g.Id == id, cancellationToken)) is null)
            return new(HostGroupOutcome.UnknownGroup);
        host.GroupId = groupId;
        await db.SaveChangesAsync(cancellationToken);
        events.Publish(new HostConfigurationChanged(hostId, Deleted: false));
        return new(HostGroupOutcome.Done, group);
    }

    private static string? ValidName(string? name) => name?.Trim() is { Length: > 0 and <= MaxNameLength } valid ? valid : null;
}
