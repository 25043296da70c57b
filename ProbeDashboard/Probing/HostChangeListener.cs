using ProbeDashboard.Core.Events;
using ProbeDashboard.Core.Hosts;

namespace ProbeDashboard.Probing;

/// <summary>When the server's own host changes group, the monitors placed on that group start or stop running here.</summary>
public sealed partial class HostChangeListener(EventBus events, ProbeScheduleSync sync, ILogger<HostChangeListener> logger) : BackgroundService
{
    private EventSubscription<HostConfigurationChanged>? _subscription;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = events.Subscribe<HostConfigurationChanged>(capacity: 1000, includePeerEvents: true);
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var _ in _subscription!.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                // Cheap when another host changed: the server host is re-read and found unchanged.
                await sync.ReloadServerHostAsync(stoppingToken);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Applying a host change to the probe schedule failed")]
    private static partial void LogFailed(ILogger logger, Exception error);
}
