using ProbeDashboard.Core.Probing;

namespace ProbeDashboard.Tests.Core.Probing;

public class LatenessHistogramTests
{
    [Fact]
    public void Reports_percentiles_and_the_exact_maximum()
    {
        var histogram = new LatenessHistogram();
        for (var ms = 0; ms < 100; ms++) histogram.Record(TimeSpan.FromMilliseconds(ms + 0.5));
        histogram.Record(TimeSpan.FromSeconds(42));
        histogram.Record(TimeSpan.FromMilliseconds(-5));

        Assert.Equal(102, histogram.Count);
        Assert.Equal(50, histogram.Percentile(0.5).TotalMilliseconds);
        Assert.Equal(100, histogram.Percentile(0.99).TotalMilliseconds);
        Assert.Equal(TimeSpan.FromSeconds(42), histogram.Max);
        Assert.Equal(TimeSpan.FromSeconds(42), histogram.Percentile(1));

        histogram.Reset();
        Assert.Equal(0, histogram.Count);
        Assert.Equal(TimeSpan.Zero, histogram.Percentile(0.99));
    }
}
