using System.Diagnostics.Tracing;
using Prometheus;
using ProbeDashboard.Operations.Metrics;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.Operations;

/// <summary>The runtime's event counters at /metrics, without the per-request events of the sources they come from.</summary>
public class RuntimeMetricsTests
{
    [Fact]
    public async Task The_event_counters_are_exported_while_the_request_events_of_their_sources_stay_off()
    {
        var registry = Metrics.NewCustomRegistry();
        using var metrics = new RuntimeMetrics(registry);

        // Every source is enabled the same way; at Informational, System.Net.Http's alone would raise eight events for
        // every HTTP probe. The runtime's source exists in every process, so it stands for them all.
        var runtime = EventSource.GetSources().Single(s => s.Name == "System.Runtime");
        Assert.True(runtime.IsEnabled(EventLevel.Critical, EventKeywords.None), "the counters' listener is attached");
        Assert.False(runtime.IsEnabled(EventLevel.Informational, EventKeywords.None), "informational events are raised");

        var text = await Eventually.GetAsync(async () =>
        {
            using var stream = new MemoryStream();
            await registry.CollectAndExportAsTextAsync(stream);
            var exported = System.Text.Encoding.UTF8.GetString(stream.ToArray());
            return exported.Contains("system_runtime_threadpool_thread_count") ? exported : null;
        }, "the runtime's thread pool counter", 30_000);
        Assert.Contains("system_runtime_gc_heap_size", text);
    }
}
