using Prometheus;

namespace ProbeDashboard.Realtime;

/// <summary>
/// The realtime feeds' instruments, exported at /metrics, by stream. <see cref="RealtimeStats"/> keeps the counts
/// (tests and the fan-out read them); these copy them at each scrape.
/// </summary>
public sealed class RealtimeMetrics
{
    public RealtimeMetrics(RealtimeStats stats, CollectorRegistry registry)
    {
        var metrics = Metrics.WithCustomRegistry(registry);
        var subscribers = metrics.CreateGauge("probedashboard_realtime_subscribers", "WebSocket and SignalR subscriptions attached, by stream.", "stream");
        var dropped = metrics.CreateCounter("probedashboard_realtime_dropped_total",
            "Realtime messages dropped because a subscriber's queue was full, by stream.", "stream");
        var streams = RealtimeStreamInfo.All.Select(s => (s.Stream, Label: Label(s.Stream))).ToList();
        registry.AddBeforeCollectCallback(() =>
        {
            foreach (var (stream, label) in streams)
            {
                subscribers.WithLabels(label).Set(stats.Subscribers(stream));
                dropped.WithLabels(label).IncTo(stats.Dropped(stream));
            }
        });
    }

    private static string Label(RealtimeStream stream) => stream switch
    {
        RealtimeStream.HostMonitor => "host_monitor",
        RealtimeStream.ServiceProbe => "service_probe",
        _ => "alert_events",
    };
}
