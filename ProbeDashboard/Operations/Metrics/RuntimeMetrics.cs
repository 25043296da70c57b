using Prometheus;

namespace ProbeDashboard.Operations.Metrics;

/// <summary>
/// prometheus-net's process and .NET runtime collectors on this app's registry: <c>process_*</c> and
/// <c>dotnet_*</c> from <see cref="DotNetStats"/>, and the runtime's event counters (GC, thread pool, exceptions,
/// Kestrel connections) through <see cref="EventCounterAdapter"/>. Its <c>System.Diagnostics.Metrics</c> bridge
/// (MeterAdapter) stays off: it typed a Meter counter as a gauge, and the HTTP figures it would add come from
/// UseHttpMetrics already.
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
        });
    }

    public void Dispose() => _eventCounters.Dispose();
}
