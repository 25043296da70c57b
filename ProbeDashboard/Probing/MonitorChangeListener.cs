using ProbeDashboard.Core.Events;

namespace ProbeDashboard.Probing;

/// <summary>Reschedules a monitor as soon as it is created, edited, toggled or deleted.</summary>
public sealed partial class MonitorChangeListener(
    EventBus events,
    ProbeScheduleSync sync,
    ProbeSchedulerStatus status,
    ILogger<MonitorChangeListener> logger) : BackgroundService
{
    private EventSubscription<MonitorConfigurationChanged>? _subscription;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (!status.Enabled) return Task.CompletedTask;
        // Peer events too: an edit on another node reschedules here at once, not at the next reconcile.
        // Subscribed before the host finishes starting, so no change made right after start-up is missed.
        _subscription = events.Subscribe<MonitorConfigurationChanged>(capacity: 10_000, includePeerEvents: true);
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_subscription is null) return;
        await foreach (var change in _subscription.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await sync.SyncMonitorAsync(change.MonitorId, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The periodic reconcile will pick the change up.
                LogFailed(logger, e, change.MonitorId);
            }
        }
    }

    public override void Dispose()
    {
        _subscription?.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rescheduling monitor {MonitorId} failed; the next reconcile retries")]
    private static partial void LogFailed(ILogger logger, Exception error, int monitorId);
}
