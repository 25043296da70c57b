using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Alerts.Conditions;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Results;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Alerts.Engine;

/// <summary>
/// Turns completed rounds into service samples: success 1/0 and consecutive_failures of the round as the result
/// writer judged it (<see cref="MonitorRoundTracker"/>), latency in seconds (mean of the hosts that succeeded),
/// status_code, and availability_1h (share of successful results in the last hour). One sample per round, so
/// recover_threshold counts good rounds too, and every count agrees with the monitor's stored consecutive_failures.
/// </summary>
public sealed class ServiceSampleSource(TimeProvider time, MonitorAlertProfiles profiles)
{
    /// <param name="wantsAvailability">
    /// Whether a rule watching the monitor uses availability_1h. Only those monitors pay for it: it reads an hour of
    /// results, a hundred rows or more per monitor, for every round.
    /// </param>
    public async Task<IReadOnlyList<(MonitorAlertProfile Monitor, AlertTargetSample Sample)>> SamplesAsync(
        ProbeDbContext db, IReadOnlyList<ProbeRound> rounds, Func<int, bool> wantsAvailability, CancellationToken cancellationToken)
    {
        var monitorIds = rounds.Select(r => r.MonitorId).Distinct().ToList();
        var monitors = await profiles.GetAsync(db, monitorIds, cancellationToken);
        var availabilityIds = monitorIds.Where(wantsAvailability).ToList();
        var hourAgo = time.GetUtcNow().UtcDateTime.AddHours(-1);
        var availability = availabilityIds.Count == 0 ? [] : await db.ProbeResults.AsNoTracking()
            .Where(r => availabilityIds.Contains(r.MonitorId) && r.Timestamp >= hourAgo)
            .GroupBy(r => r.MonitorId)
            .Select(g => new { MonitorId = g.Key, Total = g.Count(), Successes = g.Count(r => r.Success) })
            .ToDictionaryAsync(a => a.MonitorId, a => 100.0 * a.Successes / a.Total, cancellationToken);

        var samples = new List<(MonitorAlertProfile, AlertTargetSample)>(rounds.Count);
        foreach (var round in rounds)
        {
            if (!monitors.TryGetValue(round.MonitorId, out var monitor) || !monitor.Enabled) continue;
            var metrics = new Dictionary<string, double>
            {
                ["success"] = round.Failed ? 0 : 1,
                ["consecutive_failures"] = round.ConsecutiveFailures,
            };
            // A failed round has no meaningful latency: leaving it out makes latency conditions "unknown".
            if (round.LatencyMs is { } latencyMs) metrics["latency"] = Math.Round(latencyMs, 3) / 1000.0;
            if (round.StatusCode > 0) metrics["status_code"] = round.StatusCode;
            if (round.CertificateExpiresAt is { } notAfter)
                metrics[AlertMetrics.CertificateDaysLeft] = Probing.SeenCertificate.DaysLeft(notAfter, round.At);
            if (availability.TryGetValue(monitor.Id, out var percent)) metrics[AlertMetrics.Availability1h] = Math.Round(percent, 3);
            samples.Add((monitor, new AlertTargetSample(AlertTargetType.Service, monitor.Id, monitor.Name, null, round.At, metrics)));
        }
        return samples;
    }
}
