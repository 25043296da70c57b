using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProbeDashboard.Core.Hosts.Metrics;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Hosts;

/// <summary>The server is a host too: it records its own metrics like an agent's heartbeat, so it has gauges, charts and host_monitor rules.</summary>
public sealed partial class ServerMetricsService(
    HeartbeatRecorder heartbeats,
    IDbContextFactory<ProbeDbContext> dbFactory,
    IOptions<HostOptions> options,
    TimeProvider time,
    ILogger<ServerMetricsService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.ServerMetricsSeconds == 0 || !File.Exists("/proc/stat")) return;
        try
        {
            int serverId;
            await using (var db = await dbFactory.CreateDbContextAsync(stoppingToken))
                serverId = await db.Hosts.Where(h => h.IsServer).Select(h => h.Id).SingleAsync(stoppingToken);
            var sampler = new HostMetricsSampler(time);
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.ServerMetricsSeconds), time);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await heartbeats.RecordAsync(serverId, sampler.Sample().Metrics, stoppingToken);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sampling the server's own metrics failed; retrying at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception error);
}
