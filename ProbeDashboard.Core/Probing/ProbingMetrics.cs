using Prometheus;
using ProbeDashboard.Core.Monitors;

namespace ProbeDashboard.Core.Probing;

/// <summary>The probe dispatcher's instruments, exported at /metrics. <see cref="ProbeDispatcher"/> records into them.</summary>
public sealed class ProbingMetrics
{
    /// <summary>Upper bounds of the start-lateness histogram, in seconds.</summary>
    public static readonly double[] LatenessBounds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    // Children by MonitorKind value, made once: the hot path then neither formats nor looks up a label.
    private readonly Dictionary<MonitorKind, (Counter.Child Rounds, Counter.Child Failures)> _byKind = [];

    public ProbingMetrics(CollectorRegistry registry)
    {
        var metrics = Metrics.WithCustomRegistry(registry);
        var rounds = metrics.CreateCounter("probedashboard_probes_total", "Probe rounds run by this server, by monitor type.", "type");
        var failures = metrics.CreateCounter("probedashboard_probes_failed_total", "Probe rounds run by this server that failed, by monitor type.", "type");
        // Every type shows from the start, at zero, so a rate() over a fresh server has a series to work on.
        foreach (var kind in Enum.GetValues<MonitorKind>())
        {
            var type = kind.ToString().ToLowerInvariant();
            _byKind[kind] = (rounds.WithLabels(type), failures.WithLabels(type));
        }
        SkippedOverlapping = metrics.CreateCounter("probedashboard_probes_skipped_overlapping_total",
            "Rounds skipped because the previous round of the same monitor and host was still running.");
        InFlight = metrics.CreateGauge("probedashboard_probes_in_flight", "Probe rounds running now.");
        StartLateness = metrics.CreateHistogram("probedashboard_probe_start_lateness_seconds",
            "How late probe rounds start after their scheduled time.", new HistogramConfiguration { Buckets = LatenessBounds });
    }

    public Counter SkippedOverlapping { get; }

    public Gauge InFlight { get; }

    public Histogram StartLateness { get; }

    public void RoundCompleted(MonitorKind kind, bool success)
    {
        var (rounds, failures) = _byKind[kind];
        rounds.Inc();
        if (!success) failures.Inc();
    }
}
