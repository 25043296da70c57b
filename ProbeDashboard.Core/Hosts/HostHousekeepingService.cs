using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Hosts;

/// <summary>
/// The periodic host check: marks hosts offline that missed three heartbeats, and about once a minute deletes
/// heartbeat history and method-call reports older than <see cref="HostOptions.MetricsRetentionHours"/>.
/// </summary>
public sealed partial class HostHousekeepingService(
    HostLiveness liveness,
    IDbContextFactory<ProbeDbContext> dbFactory,
    IOptions<HostOptions> options,
    TimeProvider time,
    ILogger<HostHousekeepingService> logger) : BackgroundService
{
    private static readonly TimeSpan PruneEvery = TimeSpan.FromMinutes(1);
    private const int PruneChunk = 5000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.LivenessCheckSeconds), time);
        var lastPrune = DateTimeOffset.MinValue;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await liveness.MarkSilentHostsOfflineAsync(stoppingToken);
                    if (time.GetUtcNow() - lastPrune < PruneEvery) continue;
                    lastPrune = time.GetUtcNow();
                    await PruneAsync(stoppingToken);
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

    /// <returns>Rows deleted.</returns>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow().UtcDateTime.AddHours(-options.Value.MetricsRetentionHours);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var total = 0;
        int deleted;
        // Chunks keep each delete a short transaction, so heartbeats and the result writer slip in between.
        do
        {
            deleted = await db.HostMetricSamples.Where(s => s.Timestamp < cutoff).OrderBy(s => s.Id).Take(PruneChunk).ExecuteDeleteAsync(cancellationToken);
            deleted += await db.MethodCallReports.Where(r => r.ReceivedAt < cutoff).OrderBy(r => r.Id).Take(PruneChunk).ExecuteDeleteAsync(cancellationToken);
            total += deleted;
        }
        while (deleted > 0);
        return total;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The periodic host check failed; retrying at the next tick")]
    private static partial void LogFailed(ILogger logger, Exception error);
}
