using ProbeDashboard.Core.Events;

namespace ProbeDashboard.Probing;

/// <summary>
/// Follows the rounds the writer closes and moves a monitor to its retry_interval after a failed round, and back
/// (flap control, <see cref="ProbeScheduleSync.FollowRoundsAsync"/>). A batch lost to a full queue costs nothing
/// lasting: the monitor's next round decides its rhythm again.
/// </summary>
public sealed partial class FlapRhythmListener(
    EventBus events,
    ProbeScheduleSync sync,
    ProbeSchedulerStatus status,
    ILogger<FlapRhythmListener> logger) : BackgroundService
{
    private EventSubscription<ProbeResultsCommitted>? _subscription;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (!status.Enabled) return Task.CompletedTask;
        _subscription = events.Subscribe<ProbeResultsCommitted>(capacity: 1_000);
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_subscription is null) return;
        await foreach (var batch in _subscription.Reader.ReadAllAsync(stoppingToken))
        {
            if (batch.Rounds.Count == 0) continue;
            try
            {
                await sync.FollowRoundsAsync(batch.Rounds, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }
        }
    }

    public override void Dispose()
    {
        _subscription?.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Moving probe triggers for flap control failed; the next rounds decide again")]
    private static partial void LogFailed(ILogger logger, Exception error);
}
