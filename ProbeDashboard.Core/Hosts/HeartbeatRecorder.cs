using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Events;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Hosts;

/// <summary>
/// Stores a heartbeat: the host's latest metrics, one history row for charts, online again if it was not,
/// then publishes <see cref="HostMetricsSampled"/> for host_monitor alert rules and live views.
/// </summary>
public sealed class HeartbeatRecorder(IDbContextFactory<ProbeDbContext> dbFactory, HostLiveness liveness, EventBus events, TimeProvider time)
{
    /// <returns>False when no host has this id.</returns>
    public async Task<bool> RecordAsync(int hostId, HostMetrics metrics, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var host = await db.Hosts.SingleOrDefaultAsync(h => h.Id == hostId, cancellationToken);
        if (host is null) return false;

        var now = time.GetUtcNow().UtcDateTime;
        metrics.SampledAt ??= now;
        host.Metrics = metrics;
        var cameOnline = liveness.MarkSeen(host, now);
        db.HostMetricSamples.Add(HostMetricSample.Of(hostId, metrics.SampledAt.Value, metrics));
        await db.SaveChangesAsync(cancellationToken);

        if (cameOnline) liveness.PublishOnline(host);
        events.Publish(new HostMetricsSampled(host.Id, host.Name, host.Uuid, metrics.SampledAt.Value, metrics.ToAlertMetrics()));
        return true;
    }
}
