using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Events;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Notifications;
using ProbeDashboard.Core.Probing;
using ProbeDashboard.Core.Results;
using ProbeDashboard.Realtime;

namespace ProbeDashboard.Operations.Metrics;

/// <summary>Gathers every counter the server keeps into one Prometheus exposition. Metric names start with <c>probedashboard_</c>.</summary>
public sealed class DashboardMetrics(
    ProbeDispatcher dispatcher,
    ResultWriter writer,
    ResultWriterService writerService,
    EventBus bus,
    RealtimeStats realtime,
    StoredCounts stored)
{
    /// <summary>Upper bounds of the start-lateness histogram, in seconds.</summary>
    public static readonly IReadOnlyList<double> LatenessBounds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    public async Task<string> RenderAsync(CancellationToken cancellationToken)
    {
        var counts = await stored.GetAsync(cancellationToken);
        var kinds = Enum.GetValues<MonitorKind>();
        var text = new PrometheusText()
            .Counter("probedashboard_probes_total", "Probe rounds run by this server, by monitor type.",
                [.. kinds.Select(k => (Kind(k), (double)dispatcher.Runs(k)))])
            .Counter("probedashboard_probes_failed_total", "Probe rounds run by this server that failed, by monitor type.",
                [.. kinds.Select(k => (Kind(k), (double)dispatcher.Failures(k)))])
            .Counter("probedashboard_probes_skipped_overlapping_total", "Rounds skipped because the previous round of the same monitor and host was still running.",
                ("", dispatcher.SkippedOverlapping))
            .Gauge("probedashboard_probes_in_flight", "Probe rounds running now.", ("", dispatcher.InFlight))
            .Histogram("probedashboard_probe_start_lateness_seconds", "How late probe rounds start after their scheduled time.",
                dispatcher.Lateness.Snapshot(LatenessBounds))
            .Gauge("probedashboard_result_queue_depth", "Probe results waiting for the database writer.", ("", writer.QueueDepth))
            .Counter("probedashboard_results_committed_total", "Probe results stored by the writer.", ("", writerService.Committed))
            .Histogram("probedashboard_writer_batch_size", "Probe results per database transaction.", writerService.BatchSizes.Snapshot())
            .Histogram("probedashboard_writer_commit_seconds", "Time to store and commit one batch of results.", writerService.CommitSeconds.Snapshot())
            .Gauge("probedashboard_alert_events", "Alert events in the database, by state.",
                [.. Enum.GetValues<AlertEventStatus>().Select(s => (Label("state", s), (double)counts.AlertEventsByStatus.GetValueOrDefault(s)))])
            .Gauge("probedashboard_notification_deliveries", "Notification messages in the outbox, by delivery status.",
                [.. Enum.GetValues<OutboxStatus>().Select(s => (Label("status", s), (double)counts.DeliveriesByStatus.GetValueOrDefault(s)))])
            .Gauge("probedashboard_agents_online", "Remote probe agents online now.", ("", counts.AgentsOnline))
            .Gauge("probedashboard_agents", "Remote probe agents known.", ("", counts.AgentsTotal))
            .Gauge("probedashboard_realtime_subscribers", "WebSocket and SignalR subscriptions attached, by stream.",
                [.. realtime.Snapshot().Select(s => (Stream(s.Stream), (double)s.Subscribers))])
            .Counter("probedashboard_realtime_dropped_total", "Realtime messages dropped because a subscriber's queue was full, by stream.",
                [.. realtime.Snapshot().Select(s => (Stream(s.Stream), (double)s.Dropped))])
            .Gauge("probedashboard_event_bus_subscribers", "In-process event bus subscribers.", ("", bus.SubscriberCount))
            .Counter("probedashboard_event_bus_dropped_total", "Events dropped by in-process subscribers that fell behind.", ("", bus.DroppedTotal));
        return text.ToString();
    }

    private static string Kind(MonitorKind kind) => PrometheusText.Label("type", kind.ToString().ToLowerInvariant());

    private static string Stream(RealtimeStream stream) => PrometheusText.Label("stream", stream switch
    {
        RealtimeStream.HostMonitor => "host_monitor",
        RealtimeStream.ServiceProbe => "service_probe",
        _ => "alert_events",
    });

    private static string Label<T>(string name, T value) where T : struct, Enum =>
        PrometheusText.Label(name, value.ToString().ToLowerInvariant());
}
