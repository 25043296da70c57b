using Prometheus;

namespace ProbeDashboard.Core.Events;

/// <summary>
/// The event bus's instruments, exported at /metrics. The bus keeps its own counts (its callers read them); these
/// copy them at each scrape.
/// </summary>
public sealed class EventBusMetrics
{
    public EventBusMetrics(EventBus bus, CollectorRegistry registry)
    {
        var metrics = Metrics.WithCustomRegistry(registry);
        var subscribers = metrics.CreateGauge("probedashboard_event_bus_subscribers", "In-process event bus subscribers.");
        var dropped = metrics.CreateCounter("probedashboard_event_bus_dropped_total", "Events dropped by in-process subscribers that fell behind.");
        registry.AddBeforeCollectCallback(() =>
        {
            subscribers.Set(bus.SubscriberCount);
            dropped.IncTo(bus.DroppedTotal);
        });
    }
}
