using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Results;

namespace ProbeDashboard.Core.Monitors;

public sealed partial class MonitorQueries
{
    /// <summary>Rounds a list row and an overview row show.</summary>
    public const int ListHeartbeatRounds = 50;
    /// <summary>Rounds the detail page shows.</summary>
    public const int DetailHeartbeatRounds = 100;
    /// <summary>The most rounds one call may ask for: the read is bounded by rounds × intervals × hosts.</summary>
    public const int MaxHeartbeatRounds = 200;
    /// <summary>The most monitors one call may ask for (a page); SQLite allows 500 terms in one compound select.</summary>
    public const int MaxHeartbeatMonitors = 200;

    /// <summary>
    /// The last <paramref name="rounds"/> rounds of each monitor of a page, oldest first, for the heartbeat bars.
    /// <para>
    /// Two statements whatever the page size: the monitors' settings, then ONE query for the results that is a UNION
    /// ALL of one index range per monitor (probe_results' (monitor_id, timestamp) index), each bounded to the
    /// monitor's last <paramref name="rounds"/> intervals, joined to the host names. So the cost follows the page, not
    /// the number of monitors or the length of the history. Results are placed in rounds as the result writer
    /// places them (the scheduled fire time nearest to each).
    /// </para>
    /// </summary>
    /// <returns>Every asked monitor that exists, with an empty list when it has no round in that time.</returns>
    public async Task<IReadOnlyDictionary<int, IReadOnlyList<HeartbeatRound>>> GetHeartbeatsAsync(
        Actor actor, IReadOnlyCollection<int> monitorIds, int rounds, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.ServiceMonitorsRead);
        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rounds, MaxHeartbeatRounds);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(monitorIds.Count, MaxHeartbeatMonitors);
        if (monitorIds.Count == 0) return new Dictionary<int, IReadOnlyList<HeartbeatRound>>();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ids = monitorIds.Distinct().ToList();
        var monitors = await db.Monitors.AsNoTracking().Where(m => ids.Contains(m.Id))
            .Select(m => new HeartbeatSettings(m.Id, m.IntervalSeconds, m.FailQuorum, m.MaxLatencySeconds))
            .ToListAsync(cancellationToken);
        if (monitors.Count == 0) return new Dictionary<int, IReadOnlyList<HeartbeatRound>>();

        var now = time.GetUtcNow().UtcDateTime;
        // Each arm selects plain columns (EF only unions what it can translate); the join to host names wraps the union.
        IQueryable<ProbeResult>? union = null;
        foreach (var monitor in monitors)
        {
            // Half an interval more: the oldest round's results may sit just before its fire time.
            var (id, from) = (monitor.Id, now - TimeSpan.FromSeconds(Math.Max(1, monitor.IntervalSeconds) * (rounds + 0.5)));
            var range = db.ProbeResults.Where(r => r.MonitorId == id && r.Timestamp >= from);
            union = union is null ? range : union.Concat(range);
        }
        var found = await (
                from r in union!
                join h in db.Hosts on r.HostId equals h.Id into hosts
                from h in hosts.DefaultIfEmpty()
                select new { r.MonitorId, r.HostId, r.Timestamp, r.Success, r.LatencyMs, r.ErrorMessage, HostName = h.Name })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        var rows = found.Select(r => (Row: new HeartbeatRow(r.MonitorId, r.HostId, r.Timestamp, r.Success, r.LatencyMs, r.ErrorMessage), r.HostName));

        var byMonitor = rows.ToLookup(r => r.Row.MonitorId);
        return monitors.ToDictionary(m => m.Id, m => (IReadOnlyList<HeartbeatRound>)RoundsOf(
            m, byMonitor[m.Id].Select(r => (r.Row, r.HostName ?? "#" + r.Row.HostId)), rounds));
    }

    private static List<HeartbeatRound> RoundsOf(HeartbeatSettings monitor, IEnumerable<(HeartbeatRow Row, string HostName)> results, int rounds) =>
        results
            .GroupBy(r => MonitorRoundTracker.RoundIndex(monitor.Id, monitor.IntervalSeconds, r.Row.Timestamp))
            .OrderByDescending(g => g.Key)
            .Take(rounds)
            .Reverse()
            .Select(g => Judge(monitor, g.OrderBy(r => r.HostName, StringComparer.Ordinal).ToList()))
            .ToList();

    private static HeartbeatRound Judge(HeartbeatSettings monitor, List<(HeartbeatRow Row, string HostName)> round)
    {
        var failed = round.Count(r => !r.Row.Success);
        var successes = round.Where(r => r.Row.Success).Select(r => r.Row.LatencyMs).ToList();
        double? latency = successes.Count == 0 ? null : successes.Average();
        var state = ProbeRound.Fails(round.Count, failed, monitor.FailQuorum) ? HeartbeatState.Down
            : monitor.MaxLatencySeconds is { } max && latency > max * 1000 ? HeartbeatState.Slow
            : HeartbeatState.Up;
        return new HeartbeatRound(round.Max(r => r.Row.Timestamp), state, latency,
            [.. round.Select(r => new HeartbeatResult(r.HostName, r.Row.Success, r.Row.LatencyMs, r.Row.ErrorMessage))]);
    }

    private sealed record HeartbeatSettings(int Id, int IntervalSeconds, int? FailQuorum, double? MaxLatencySeconds);

    private sealed record HeartbeatRow(int MonitorId, int HostId, DateTime Timestamp, bool Success, double LatencyMs, string? ErrorMessage);
}
