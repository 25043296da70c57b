using Prometheus;

namespace ProbeDashboard.Core.Cluster.Bus;

/// <summary>The cross-node event bus at /metrics; created only in a cluster, so a single server exports none of it.</summary>
public sealed class ClusterBusMetrics
{
    public ClusterBusMetrics(CollectorRegistry registry)
    {
        var metrics = Metrics.WithCustomRegistry(registry);
        Sent = metrics.CreateCounter("probedashboard_cluster_bus_sent_events_total", "Events this node sent to the other nodes over Redis.");
        Messages = metrics.CreateCounter("probedashboard_cluster_bus_sent_messages_total", "Redis messages this node sent (each carries a batch of events).");
        Received = metrics.CreateCounter("probedashboard_cluster_bus_received_events_total", "Events received from the other nodes and re-published here.");
        Dropped = metrics.CreateCounter("probedashboard_cluster_bus_dropped_events_total",
            "Events not sent to the other nodes: queue_full (Redis slower than the writer), redis_down, publish_failed.", "reason");
    }

    public Counter Sent { get; }
    public Counter Messages { get; }
    public Counter Received { get; }
    public Counter Dropped { get; }
}
