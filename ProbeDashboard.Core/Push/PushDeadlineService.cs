using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProbeDashboard.Core.Probing;

namespace ProbeDashboard.Core.Push;

/// <summary>
/// Runs <see cref="PushDeadlineSweeper"/> at start-up (deadlines that passed while the server was down) and then
/// every <see cref="PushOptions.SweepSeconds"/>. Off with the probe scheduler (tests call the sweeper themselves).
/// </summary>
public sealed partial class PushDeadlineService(
    PushDeadlineSweeper sweeper,
    IOptions<PushOptions> options,
    IOptionsMonitor<ProbingOptions> probing,
    TimeProvider time,
    ILogger<PushDeadlineService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!probing.CurrentValue.SchedulerEnabled) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.SweepSeconds), time);
        try
        {
            do
            {
                try
                {
                    var missed = await sweeper.SweepAsync(stoppingToken);
                    if (missed > 0) LogMissed(logger, missed);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The next tick tries again: deadlines stay in the database until they are judged.
                    LogSweepFailed(logger, e);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Count} push monitors missed their deadline")]
    private static partial void LogMissed(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for missed push deadlines failed; retrying at the next tick")]
    private static partial void LogSweepFailed(ILogger logger, Exception error);
}
