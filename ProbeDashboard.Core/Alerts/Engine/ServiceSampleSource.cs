using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Results;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Alerts.Engine;

/// <summary>
/// Turns committed probe results into service samples: latency in seconds, success 1/0, status_code,
/// consecutive_failures (counted across the monitor's rounds from all hosts, in arrival order) and
/// availability_1h. Counts live in memory and are seeded from the stored history the first time a monitor
/// is seen, so a restart does not reset a run of failures.
/// </summary>
public sealed class ServiceSampleSource(TimeProvider time)
{
    private const int HistoryToSeed = 100;
    private readonly Dictionary<int, int> _consecutiveFailures = [];

    public async Task<IReadOnlyList<(MonitorDefinition Monitor, AlertTargetSample Sample)>> SamplesAsync(
        ProbeDbContext db, IReadOnlyList<ProbeResult> results, CancellationToken cancellationToken)
    {
        var monitorIds = results.Select(r => r.MonitorId).Distinct().ToList();
        var monitors = await db.Monitors.AsNoTracking().Where(m => monitorIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);
        var hourAgo = time.GetUtcNow().UtcDateTime.AddHours(-1);
        var availability = await db.ProbeResults.AsNoTracking()
            .Where(r => monitorIds.Contains(r.MonitorId) && r.Timestamp >= hourAgo)
            .GroupBy(r => r.MonitorId)
            .Select(g => new { MonitorId = g.Key, Total = g.Count(), Successes = g.Count(r => r.Success) })
            .ToDictionaryAsync(a => a.MonitorId, a => 100.0 * a.Successes / a.Total, cancellationToken);

        var samples = new List<(MonitorDefinition, AlertTargetSample)>(results.Count);
        foreach (var result in results.OrderBy(r => r.Timestamp).ThenBy(r => r.Id))
        {
            if (!monitors.TryGetValue(result.MonitorId, out var monitor) || !monitor.Enabled) continue;
            if (!_consecutiveFailures.ContainsKey(monitor.Id))
                _consecutiveFailures[monitor.Id] = await StoredFailureRunAsync(db, monitor.Id, results, cancellationToken);
            var failures = _consecutiveFailures[monitor.Id] = result.Success ? 0 : _consecutiveFailures[monitor.Id] + 1;

            var metrics = new Dictionary<string, double>
            {
                ["success"] = result.Success ? 1 : 0,
                ["consecutive_failures"] = failures,
            };
            // A failed round has no meaningful latency: leaving it out makes latency conditions "unknown".
            if (result.Success) metrics["latency"] = result.LatencyMs / 1000.0;
            if (result.StatusCode > 0) metrics["status_code"] = result.StatusCode;
            if (availability.TryGetValue(monitor.Id, out var percent)) metrics["availability_1h"] = Math.Round(percent, 3);
            samples.Add((monitor, new AlertTargetSample(AlertTargetType.Service, monitor.Id, monitor.Name, null, result.Timestamp, metrics)));
        }
        return samples;
    }

    /// <summary>Forgets a deleted monitor's count.</summary>
    public void Forget(int monitorId) => _consecutiveFailures.Remove(monitorId);

    private static async Task<int> StoredFailureRunAsync(ProbeDbContext db, int monitorId, IReadOnlyList<ProbeResult> batch, CancellationToken cancellationToken)
    {
        // Only what was stored before this batch: later batches may already be committed and still queued for us.
        var firstInBatch = batch.Where(r => r.MonitorId == monitorId).Min(r => r.Id);
        var recent = await db.ProbeResults.AsNoTracking()
            .Where(r => r.MonitorId == monitorId && r.Id < firstInBatch)
            .OrderByDescending(r => r.Id)
            .Take(HistoryToSeed).Select(r => r.Success).ToListAsync(cancellationToken);
        return recent.TakeWhile(success => !success).Count();
    }
}
