using ProbeDashboard.Core.Observability;
using ProbeDashboard.Core.Probing;
using ProbeDashboard.Operations.Metrics;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Core.Operations;

public class PrometheusTextTests
{
    [Fact]
    public void Exposition_with_escaped_labels_and_a_histogram_parses()
    {
        var histogram = new BucketHistogram(1, 10, 100);
        foreach (var value in new[] { 0.5, 3, 7, 50, 5000 }) histogram.Record(value);
        var text = new PrometheusText()
            .Counter("demo_total", "A counter\nover two lines.", (PrometheusText.Label("path", "a\"b\\c\nd"), 3))
            .Gauge("demo_gauge", "A gauge.", ("", 1.5))
            .Histogram("demo_size", "A histogram.", histogram.Snapshot())
            .ToString();

        var scrape = PrometheusScrape.Parse(text);

        Assert.Equal(3, scrape.Value("demo_total", "path=\"a\\\"b\\\\c\\nd\""));
        Assert.Equal(1.5, scrape.Value("demo_gauge"));
        Assert.Equal(1, scrape.Value("demo_size_bucket", "le=\"1\""));
        Assert.Equal(3, scrape.Value("demo_size_bucket", "le=\"10\""));
        Assert.Equal(4, scrape.Value("demo_size_bucket", "le=\"100\""));
        Assert.Equal(5, scrape.Value("demo_size_bucket", "le=\"+Inf\""));
        Assert.Equal(5060.5, scrape.Value("demo_size_sum"), 6);
        Assert.Equal("histogram", scrape.Types["demo_size"]);
    }

    [Fact]
    public void Lateness_snapshot_counts_starts_below_each_bound_and_keeps_the_sum()
    {
        var lateness = new LatenessHistogram();
        lateness.Record(TimeSpan.FromMilliseconds(2));
        lateness.Record(TimeSpan.FromMilliseconds(30));
        lateness.Record(TimeSpan.FromSeconds(20));

        var snapshot = lateness.Snapshot([0.005, 0.05, 10]);

        Assert.Equal([1L, 2L, 2L], snapshot.Cumulative);
        Assert.Equal(3, snapshot.Count);
        Assert.Equal(20.032, snapshot.Sum, 6);
    }
}
