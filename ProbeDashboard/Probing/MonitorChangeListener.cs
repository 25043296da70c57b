using ProbeDashboard.Core.Events;

namespace ProbeDashboard.Probing;

/// <summary>Reschedules a monitor as soon as it is created, edited, toggled or deleted.</summary>
public sealed partial class MonitorChangeListener(
    EventBus events,
    ProbeScheduleSync sync,
    ProbeSchedulerStatus status,
    ILogger<MonitorChangeListener> logger) : BackgroundService
{
    private const int BatchLimit = 500;
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
        var reader = _subscription.Reader;
        var batch = new List<MonitorConfigurationChanged>(BatchLimit);
        while (await reader.WaitToReadAsync(stoppingToken))
        {
            // What queued up while the last batch was applied goes in one pass: one gate, one Quartz call, one read.
            while (batch.Count < BatchLimit && reader.TryRead(out var change)) batch.Add(change);
            try
            {
                await sync.ApplyChangesAsync(batch, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The periodic reconcile will pick the changes up.
                LogFailed(logger, e, batch.Count);
            }
            batch.Clear();
        }
    }

    public override void Dispose()
    {
        _subscription?.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rescheduling {Count} changed monitors failed; the next reconcile retries")]
    private static partial void LogFailed(ILogger logger, Exception error, int count);
}
