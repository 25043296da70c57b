using ProbeDashboard.Core.Results;
using Quartz;

namespace ProbeDashboard.Probing;

/// <summary>Compares the schedule with the database, in case a change event was dropped.</summary>
[DisallowConcurrentExecution]
public sealed partial class ScheduleReconcileJob(ProbeScheduleSync sync, ILogger<ScheduleReconcileJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            await sync.ReconcileAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Reconciling the probe schedule failed; retrying at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception error);
}

/// <summary>Deletes expired raw results and rollups in small chunks.</summary>
[DisallowConcurrentExecution]
public sealed partial class RetentionJob(RetentionCleaner cleaner, ILogger<RetentionJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            await cleaner.DeleteExpiredAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Deleting expired probe results failed; retrying in an hour")]
    private static partial void LogFailed(ILogger logger, Exception error);
}
