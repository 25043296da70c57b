using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProbeDashboard.Core.Cluster;
using ProbeDashboard.Core.Hosts.Metrics;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Hosts;

/// <summary>
/// The server is a host too: it records its own metrics like an agent's heartbeat, so it has gauges, charts and
/// host_monitor rules. On one server they go to the server host. In a cluster each node samples its own machine, so
/// each writes to its own node host (<see cref="ClusterNodeHosts"/>): written to the one shared server host, N
/// machines' samples would interleave into one meaningless gauge.
/// </summary>
public sealed partial class ServerMetricsService(
    HeartbeatRecorder heartbeats,
    ClusterNodeHosts nodeHosts,
    ClusterMembership membership,
    IDbContextFactory<ProbeDbContext> dbFactory,
    IOptions<HostOptions> options,
    TimeProvider time,
    ILogger<ServerMetricsService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = options.Value.ServerMetricsSeconds;
        if (seconds == 0 || !File.Exists("/proc/stat")) return;
        try
        {
            var hostId = await HostIdAsync(seconds, stoppingToken);
            if (membership.Enabled) await nodeHosts.ClearServerGaugesAsync(stoppingToken);
            var sampler = new HostMetricsSampler(time);
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds), time);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    // An operator may delete a retired node's host while the node still runs: it is made again.
                    if (!await heartbeats.RecordAsync(hostId, sampler.Sample().Metrics, stoppingToken) && membership.Enabled)
                        hostId = await HostIdAsync(seconds, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogFailed(logger, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task<int> HostIdAsync(int seconds, CancellationToken cancellationToken)
    {
        if (membership.Enabled) return await nodeHosts.EnsureAsync(membership.Name, seconds, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Hosts.Where(h => h.IsServer).Select(h => h.Id).SingleAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sampling the server's own metrics failed; retrying at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception error);
}
