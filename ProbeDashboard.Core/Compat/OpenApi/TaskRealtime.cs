using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Compat.OpenApi;

/// <summary>Seed 004's task states: 0 normal, 1 warning, 2 fault, 3 unknown.</summary>
public enum TaskState
{
    Normal = 0,
    Warning = 1,
    Fault = 2,
    Unknown = 3,
}

/// <summary>A task's latest round: its state, mean latency and each probe host's latency in ms (0 when it failed).</summary>
public sealed record TaskRealtime(TaskState Status, double AvgRespTime, IReadOnlyDictionary<string, double> NodeResp)
{
    public static readonly TaskRealtime Unknown = new(TaskState.Unknown, 0, new Dictionary<string, double>());
}

/// <summary>
/// Reads the realtime view of tasks from the monitor's current state and the newest result of each probe host.
/// Fault: the monitor is offline (failed its threshold). Warning: online, but a host's newest round failed or
/// was slower than the monitor's latency limit. Unknown: paused, or no round yet.
/// </summary>
public sealed class TaskRealtimeReader(IDbContextFactory<ProbeDbContext> dbFactory, TimeProvider time)
{
    /// <summary>Results older than this many intervals are from hosts that no longer probe the monitor.</summary>
    private const int FreshIntervals = 3;

    public async Task<IReadOnlyDictionary<int, TaskRealtime>> ReadAsync(IReadOnlyCollection<int> monitorIds, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var monitors = await db.Monitors.AsNoTracking().Where(m => monitorIds.Contains(m.Id)).ToListAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var since = now.AddSeconds(-FreshIntervals * Math.Max(60, monitors.Select(m => m.IntervalSeconds + m.TimeoutSeconds).DefaultIfEmpty(60).Max()));
        var latestIds = db.ProbeResults
            .Where(r => monitorIds.Contains(r.MonitorId) && r.Timestamp >= since)
            .GroupBy(r => new { r.MonitorId, r.HostId })
            .Select(g => g.Max(r => r.Id));
        var latest = await (
                from r in db.ProbeResults.AsNoTracking()
                where latestIds.Contains(r.Id)
                join h in db.Hosts on r.HostId equals h.Id into hosts
                from h in hosts.DefaultIfEmpty()
                select new { r.MonitorId, Host = h.Name ?? ("#" + r.HostId), r.Success, r.LatencyMs })
            .ToListAsync(cancellationToken);
        var byMonitor = latest.ToLookup(r => r.MonitorId);
        return monitors.ToDictionary(m => m.Id, m => Judge(m, byMonitor[m.Id].Select(r => (r.Host, r.Success, r.LatencyMs)).ToList()));
    }

    private static TaskRealtime Judge(MonitorDefinition monitor, IReadOnlyList<(string Host, bool Success, double LatencyMs)> hosts)
    {
        if (!monitor.Enabled || monitor.Current.Status == MonitorStatus.Unknown || hosts.Count == 0) return TaskRealtime.Unknown;
        var nodes = hosts.GroupBy(h => h.Host).ToDictionary(g => g.Key, g => g.First().Success ? Math.Round(g.First().LatencyMs, 2) : 0.0);
        var answered = hosts.Where(h => h.Success).Select(h => h.LatencyMs).ToList();
        var average = answered.Count == 0 ? 0 : Math.Round(answered.Average(), 2);
        var limitMs = monitor.LatencyAlert ? monitor.MaxLatencySeconds * 1000 : null;
        var status = monitor.Current.Status == MonitorStatus.Offline ? TaskState.Fault
            : answered.Count < hosts.Count || answered.Any(ms => ms > limitMs) ? TaskState.Warning
            : TaskState.Normal;
        return new TaskRealtime(status, average, nodes);
    }
}
