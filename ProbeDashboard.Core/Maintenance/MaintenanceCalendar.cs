using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Events;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Maintenance;

/// <summary>What is under maintenance at one instant: alerts of these monitors and hosts are muted.</summary>
public sealed record ActiveMaintenance(IReadOnlySet<int> MonitorIds, IReadOnlySet<int> HostIds)
{
    public static readonly ActiveMaintenance None = new(new HashSet<int>(), new HashSet<int>());

    public bool IsEmpty => MonitorIds.Count == 0 && HostIds.Count == 0;
}

/// <summary>One occurrence of a window as the dashboard and the status pages show it.</summary>
public sealed record MaintenanceOccurrence(int WindowId, string Title, string? Description, DateTime Start, DateTime End, bool Active, IReadOnlyList<int> MonitorIds);

/// <summary>
/// Answers "what is in maintenance now / soon" from the stored windows and the clock alone (no per-window timers): the
/// alert engine asks at each evaluation, the pages ask when they render. The enabled windows are kept in memory:
/// the alert engine asks for every committed batch of results (dozens a second), and reading the table each time
/// cost more than judging the batch. <see cref="MaintenanceWindowService"/> calls <see cref="Forget"/> after each
/// committed change, which publishes <see cref="MaintenanceWindowsChanged"/>: in a cluster it crosses to the other
/// nodes, whose calendars drop their copies on it at once. The copy also expires after <see cref="MaxAge"/>, so a
/// change nobody announced (a hand edit of the database, a message lost while Redis was down) is seen within that time.
/// </summary>
public sealed class MaintenanceCalendar : IDisposable
{
    private readonly IDbContextFactory<ProbeDbContext> dbFactory;
    private readonly TimeProvider time;
    private readonly EventBus bus;
    private readonly IDisposable _reload;

    public MaintenanceCalendar(IDbContextFactory<ProbeDbContext> dbFactory, TimeProvider time, EventBus bus)
    {
        (this.dbFactory, this.time, this.bus) = (dbFactory, time, bus);
        // Synchronous inside the publish (as HostDependencies does): when Forget returns, this node's copy is gone.
        _reload = bus.Observe<MaintenanceWindowsChanged>(_ => Drop(), includePeerEvents: true);
    }

    internal static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(15);

    private readonly Lock _lock = new();
    private CachedWindows? _cached;

    private int _generation;

    private sealed record CachedWindows(IReadOnlyList<MaintenanceWindow> Windows, long ReadAt);

    /// <summary>After a committed change: announces it (this node's and, in a cluster, every node's copy is dropped).</summary>
    public void Forget() => bus.Publish(MaintenanceWindowsChanged.Instance);

    public void Dispose() => _reload.Dispose();

    /// <summary>Drops the in-memory copy of the windows: the next question reads the table again.</summary>
    private void Drop()
    {
        lock (_lock)
        {
            _generation++;
            _cached = null;
        }
    }

    /// <summary>The monitors and hosts that the windows active at <paramref name="now"/> cover, inside the caller's context.</summary>
    public async Task<ActiveMaintenance> ActiveAsync(ProbeDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var active = (await EnabledWindowsAsync(db, cancellationToken)).Where(w => w.Schedule.ActiveAt(now) is not null).ToList();
        if (active.Count == 0) return ActiveMaintenance.None;
        var monitorIds = active.SelectMany(w => w.Monitors.Select(m => m.MonitorId)).ToHashSet();
        var groupIds = active.SelectMany(w => w.HostGroups.Select(g => g.HostGroupId)).Distinct().ToList();
        var hostIds = new HashSet<int>();
        if (groupIds.Count > 0)
        {
            var (groupHosts, groupMonitors) = await ExpandGroupsAsync(db, groupIds, cancellationToken);
            hostIds.UnionWith(groupHosts.Select(h => h.HostId));
            monitorIds.UnionWith(groupMonitors.Select(m => m.MonitorId));
        }
        return new ActiveMaintenance(monitorIds, hostIds);
    }

    /// <summary>
    /// For the result writer: the occurrences overlapping [<paramref name="from"/>, <paramref name="to"/>] (the batch's
    /// timestamps), per monitor and host. From the in-memory windows; the database is asked only when a window naming
    /// host groups overlaps the batch (two small queries per batch, never per result).
    /// </summary>
    public async Task<MaintenanceCoverage> CoverageAsync(ProbeDbContext db, DateTime from, DateTime to, CancellationToken cancellationToken)
    {
        var monitors = new Dictionary<int, List<MaintenanceSpan>>();
        var hosts = new Dictionary<int, List<MaintenanceSpan>>();
        var groupSpans = new Dictionary<int, List<MaintenanceSpan>>();
        foreach (var window in await EnabledWindowsAsync(db, cancellationToken))
        {
            var spans = MaintenanceCoverage.SpansBetween(window.Schedule, from, to);
            if (spans.Count == 0) continue;
            MaintenanceCoverage.AddTo(monitors, window.Monitors.Select(m => m.MonitorId), spans);
            MaintenanceCoverage.AddTo(groupSpans, window.HostGroups.Select(g => g.HostGroupId), spans);
        }
        if (groupSpans.Count > 0)
        {
            var (groupHosts, groupMonitors) = await ExpandGroupsAsync(db, [.. groupSpans.Keys], cancellationToken);
            foreach (var (hostId, groupId) in groupHosts) MaintenanceCoverage.AddTo(hosts, [hostId], groupSpans[groupId]);
            foreach (var (monitorId, groupId) in groupMonitors) MaintenanceCoverage.AddTo(monitors, [monitorId], groupSpans[groupId]);
        }
        return monitors.Count == 0 && hosts.Count == 0 ? MaintenanceCoverage.None : new MaintenanceCoverage(monitors, hosts);
    }

    /// <summary>The hosts in the groups, and the monitors that run only on one of them, each with its group.</summary>
    private static async Task<(List<(int HostId, int GroupId)> Hosts, List<(int MonitorId, int GroupId)> Monitors)> ExpandGroupsAsync(
        ProbeDbContext db, List<int> groupIds, CancellationToken cancellationToken)
    {
        var hosts = await db.Hosts.AsNoTracking().Where(h => h.GroupId != null && groupIds.Contains(h.GroupId.Value))
            .Select(h => new { h.Id, GroupId = h.GroupId!.Value }).ToListAsync(cancellationToken);
        // A monitor that runs only on a group being worked on cannot say anything true about its target meanwhile.
        var monitors = await db.Monitors.AsNoTracking()
            .Where(m => m.ExecuteOn == ExecuteOnKind.Group && m.ExecuteOnGroupId != null && groupIds.Contains(m.ExecuteOnGroupId.Value))
            .Select(m => new { m.Id, GroupId = m.ExecuteOnGroupId!.Value }).ToListAsync(cancellationToken);
        return ([.. hosts.Select(h => (h.Id, h.GroupId))], [.. monitors.Select(m => (m.Id, m.GroupId))]);
    }

    /// <summary>The monitors in maintenance now (for showing their state).</summary>
    public async Task<IReadOnlySet<int>> MonitorsInMaintenanceAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return (await ActiveAsync(db, time.GetUtcNow().UtcDateTime, cancellationToken)).MonitorIds;
    }

    /// <summary>
    /// Active and upcoming occurrences (starting within <paramref name="horizon"/>) of the windows that name any of
    /// <paramref name="monitorIds"/> directly, soonest first; each names only the given monitors it covers.
    /// </summary>
    /// <param name="monitorIds">Null for every window, those that name only host groups included.</param>
    public async Task<IReadOnlyList<MaintenanceOccurrence>> OccurrencesAsync(IReadOnlyCollection<int>? monitorIds, TimeSpan horizon, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var wanted = monitorIds?.ToHashSet();
        var found = new List<MaintenanceOccurrence>();
        foreach (var window in await EnabledWindowsAsync(db, cancellationToken))
        {
            var covered = window.Monitors.Select(m => m.MonitorId).Where(id => wanted?.Contains(id) != false).ToList();
            if ((wanted is not null && covered.Count == 0) || window.Schedule.CurrentOrNext(now) is not { } span || span.Start > now + horizon) continue;
            found.Add(new MaintenanceOccurrence(window.Id, window.Title, window.Description, span.Start, span.End, span.Contains(now), covered));
        }
        return [.. found.OrderBy(o => o.Start)];
    }

    private async Task<IReadOnlyList<MaintenanceWindow>> EnabledWindowsAsync(ProbeDbContext db, CancellationToken cancellationToken)
    {
        int generation;
        lock (_lock)
        {
            if (_cached is { } fresh && time.GetElapsedTime(fresh.ReadAt) < MaxAge) return fresh.Windows;
            generation = _generation;
        }
        var windows = await db.MaintenanceWindows.AsNoTracking().Include(w => w.Monitors).Include(w => w.HostGroups)
            .Where(w => w.Enabled).AsSplitQuery().ToListAsync(cancellationToken);
        lock (_lock)
        {
            // A change committed while this read ran may be missing from it: keep it only if nothing was forgotten since.
            if (generation == _generation) _cached = new CachedWindows(windows, time.GetTimestamp());
        }
        return windows;
    }
}
