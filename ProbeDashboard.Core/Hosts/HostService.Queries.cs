using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Agents;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Hosts;

/// <summary>A host with the name of its group (null when ungrouped).</summary>
public sealed record HostView(ProbeHost Host, string? GroupName)
{
    /// <summary>The server's own host is always online.</summary>
    public bool Online => Host.IsServer || Host.Online;
}

/// <param name="Status">"online", "offline" or null for both.</param>
/// <param name="Search">Part of the name or hostname.</param>
public sealed record HostFilter(int? GroupId = null, string? Status = null, string? Search = null, int Skip = 0, int Take = 500);

/// <summary>A method-call report without its (possibly large) detail JSON.</summary>
public sealed record MethodCallRow(long Id, DateTime ReceivedAt, string? Method, string Uri, string? Url, string? ClientIp, string? Language, int PoolSize);

/// <summary>The reads of hosts and what they reported; each demands service_monitors:read.</summary>
public sealed partial class HostService
{
    /// <summary>The server first, then by name.</summary>
    public async Task<(int Total, IReadOnlyList<HostView> Items)> ListAsync(Actor actor, HostFilter filter, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.ServiceMonitorsRead);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var hosts = db.Hosts.AsNoTracking();
        if (filter.GroupId is { } groupId) hosts = hosts.Where(h => h.GroupId == groupId);
        if (filter.Status == "online") hosts = hosts.Where(h => h.IsServer || h.Online);
        if (filter.Status == "offline") hosts = hosts.Where(h => !h.IsServer && !h.Online);
        if (filter.Search is { } search) hosts = hosts.Where(h => h.Name.Contains(search) || h.Hostname.Contains(search));
        var total = await hosts.CountAsync(cancellationToken);
        var rows = await hosts.OrderByDescending(h => h.IsServer).ThenBy(h => h.Name).Skip(filter.Skip).Take(filter.Take).ToListAsync(cancellationToken);
        return (total, await WithGroupNamesAsync(db, rows, cancellationToken));
    }

    /// <returns>Null when no host has this id.</returns>
    public async Task<HostView?> GetAsync(Actor actor, int hostId, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.ServiceMonitorsRead);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var host = await db.Hosts.AsNoTracking().SingleOrDefaultAsync(h => h.Id == hostId, cancellationToken);
        return host is null ? null : (await WithGroupNamesAsync(db, [host], cancellationToken))[0];
    }

    /// <summary>Heartbeats between <paramref name="from"/> and <paramref name="to"/>, oldest first, thinned evenly to at most <paramref name="maxPoints"/>.</summary>
    /// <returns>Null when no host has this id.</returns>
    public async Task<IReadOnlyList<HostMetricSample>?> MetricsAsync(
        Actor actor, int hostId, DateTime from, DateTime to, int maxPoints, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.ServiceMonitorsRead);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Hosts.AnyAsync(h => h.Id == hostId, cancellationToken)) return null;
        var samples = await db.HostMetricSamples.AsNoTracking()
            .Where(s => s.HostId == hostId && s.Timestamp >= from && s.Timestamp <= to)
            .OrderBy(s => s.Timestamp).ToListAsync(cancellationToken);
        var step = Math.Max(1, (int)Math.Ceiling(samples.Count / (double)maxPoints));
        return samples.Where((_, i) => i % step == 0).ToList();
    }

    /// <summary>Components (seed 003 type 17) by package name.</summary>
    /// <returns>Null when no host has this id.</returns>
    public async Task<(int Total, IReadOnlyList<AgentComponent> Items)?> ComponentsAsync(
        Actor actor, int hostId, int skip, int take, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.ServiceMonitorsRead);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Hosts.AnyAsync(h => h.Id == hostId, cancellationToken)) return null;
        var components = db.AgentComponents.AsNoTracking().Where(c => c.HostId == hostId);
        var total = await components.CountAsync(cancellationToken);
        var items = await components.OrderBy(c => c.PackageName).ThenBy(c => c.Id).Skip(skip).Take(take).ToListAsync(cancellationToken);
        return (total, items);
    }

    /// <summary>Method-call reports (seed 003 type 36), newest first; <paramref name="uri"/> filters by substring.</summary>
    /// <returns>Null when no host has this id.</returns>
    public async Task<(int Total, IReadOnlyList<MethodCallRow> Items)?> MethodCallsAsync(
        Actor actor, int hostId, string? uri, int skip, int take, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.ServiceMonitorsRead);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Hosts.AnyAsync(h => h.Id == hostId, cancellationToken)) return null;
        var calls = db.MethodCallReports.AsNoTracking().Where(r => r.HostId == hostId);
        if (uri is not null) calls = calls.Where(r => r.Uri.Contains(uri));
        var total = await calls.CountAsync(cancellationToken);
        var items = await calls.OrderByDescending(r => r.Id).Skip(skip).Take(take)
            .Select(r => new MethodCallRow(r.Id, r.ReceivedAt, r.Method, r.Uri, r.Url, r.ClientIp, r.Language, r.PoolSize))
            .ToListAsync(cancellationToken);
        return (total, items);
    }

    /// <returns>Null when the host has no such report.</returns>
    public async Task<MethodCallReport?> MethodCallAsync(Actor actor, int hostId, long callId, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.ServiceMonitorsRead);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.MethodCallReports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == callId && r.HostId == hostId, cancellationToken);
    }

    private static async Task<IReadOnlyList<HostView>> WithGroupNamesAsync(ProbeDbContext db, IReadOnlyList<ProbeHost> hosts, CancellationToken cancellationToken)
    {
        var ids = hosts.Where(h => h.GroupId is not null).Select(h => h.GroupId!.Value).Distinct().ToList();
        var names = ids.Count == 0 ? []
            : await db.HostGroups.AsNoTracking().Where(g => ids.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.Name, cancellationToken);
        return hosts.Select(h => new HostView(h, h.GroupId is { } g ? names.GetValueOrDefault(g) : null)).ToList();
    }
}
