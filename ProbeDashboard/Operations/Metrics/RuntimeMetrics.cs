using System.Diagnostics.Tracing;
using Prometheus;

namespace ProbeDashboard.Operations.Metrics;

/// <summary>
/// prometheus-net's process and .NET runtime collectors on this app's registry: <c>process_*</c> and
/// <c>dotnet_*</c> from <see cref="DotNetStats"/>, and the runtime's event counters (GC, thread pool, exceptions,
/// Kestrel connections) through <see cref="EventCounterAdapter"/>. Its <c>System.Diagnostics.Metrics</c> bridge
/// (MeterAdapter) stays off: it typed a Meter counter as a gauge, and the HTTP figures it would add come from
/// UseHttpMetrics already.
/// <para>
/// The adapter listens at the Critical level, not its default Informational: counters are written at LogAlways and
/// arrive either way, but at Informational every event source it enables (System.Net.Http, Sockets, Kestrel, Hosting)
/// also raises its per-request events into the listener, which ignores them: eight for every HTTP probe, four for
/// every request served. (At 1,600 probes/s that made no measurable difference in CPU; see docs/PERFORMANCE.md.)
/// </para>
/// </summary>
public sealed class RuntimeMetrics : IDisposable
{
    private readonly IDisposable _eventCounters;

    public RuntimeMetrics(CollectorRegistry registry)
    {
        DotNetStats.Register(registry);
        // The factory must be set as well: left alone it points at the static default registry and Registry is ignored.
        _eventCounters = EventCounterAdapter.StartListening(new EventCounterAdapterOptions
        {
            Registry = registry,
            MetricFactory = Prometheus.Metrics.WithCustomRegistry(registry),
            EventSourceSettingsProvider = _ => new EventCounterAdapterEventSourceSettings { MinimumLevel = EventLevel.Critical },
        });
    }

    public void Dispose() => _eventCounters.Dispose();
}
