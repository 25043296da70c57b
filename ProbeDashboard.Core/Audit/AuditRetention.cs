using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Audit;

/// <summary>Deletes audit entries older than <c>Retention:AuditDays</c>, at start-up and then every hour.</summary>
public sealed partial class AuditRetention(
    IDbContextFactory<ProbeDbContext> dbFactory, IOptions<AuditOptions> options, TimeProvider time, ILogger<AuditRetention> logger)
    : BackgroundService
{
    /// <returns>How many entries were deleted.</returns>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow().UtcDateTime.AddDays(-options.Value.AuditDays);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var deleted = await db.AuditLog.Where(e => e.Timestamp < cutoff).ExecuteDeleteAsync(cancellationToken);
        if (deleted > 0) LogPurged(logger, deleted, options.Value.AuditDays);
        return deleted;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        do
        {
            try
            {
                await PurgeAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogPurgeFailed(logger, e);
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} audit entries older than {Days} days")]
    private static partial void LogPurged(ILogger logger, int count, int days);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit retention pass failed; the next one runs in an hour")]
    private static partial void LogPurgeFailed(ILogger logger, Exception error);
}
