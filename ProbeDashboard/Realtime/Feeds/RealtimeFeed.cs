using ProbeDashboard.Core.Events;

namespace ProbeDashboard.Realtime.Feeds;

/// <summary>
/// The one bus subscription of a stream: reads <typeparamref name="TEvent"/> after commit, maps it to wire messages
/// (serialised once) and fans them out. However many clients are connected, the bus sees a single subscriber.
/// </summary>
public sealed partial class RealtimeFeed<TEvent>(
    EventBus bus, IRealtimeMapper<TEvent> mapper, RealtimeFanOut fanOut, ILogger<RealtimeFeed<TEvent>> logger)
    : BackgroundService where TEvent : class
{
    // Large enough for bursts of committed batches; the feed itself only serialises, so it keeps up easily.
    private const int BusQueueCapacity = 4096;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Peer events too: a subscriber here sees what every node of a cluster committed.
        // Subscribed before the first await, i.e. while the host starts, so no event after start-up is missed.
        using var subscription = bus.Subscribe<TEvent>(BusQueueCapacity, includePeerEvents: true);
        try
        {
            await foreach (var evt in subscription.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    foreach (var push in mapper.Map(evt))
                        fanOut.Publish(push);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogMappingFailed(typeof(TEvent).Name, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Realtime feed could not map a {EventType} event")]
    private partial void LogMappingFailed(string eventType, Exception exception);
}
