using ProbeDashboard.Core.Events;
using ProbeDashboard.Core.StatusPages;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Core.StatusPages;

/// <summary>
/// A changed monitor makes the public pages' cache read which monitors published pages show, off the publisher's
/// thread. Stopping waits for that read: a query left running after the host stopped met a database already closed or
/// dropped, and EF Core logged it as an error (the PostgreSQL test pass failed on one).
/// </summary>
public class PublicStatusInvalidationTests
{
    [Fact]
    public async Task Stopping_waits_for_the_read_of_the_published_monitors_that_a_change_started()
    {
        await using var pipeline = await PipelineServices.StartAsync(startWriter: false);
        var cache = pipeline.Get<PublicStatusCache>();
        var invalidation = new PublicStatusInvalidation(pipeline.Get<EventBus>(), cache, pipeline.Get<PublicStatusReader>());
        await invalidation.StartAsync(CancellationToken.None);

        pipeline.Get<EventBus>().Publish(new MonitorConfigurationChanged(1, Deleted: false));
        await invalidation.StopAsync(CancellationToken.None);

        Assert.True(cache.TryPeek<HashSet<int>>(PublicStatusReader.PublishedMonitorsKey, out var shown),
            "the stop returned while the read it started was still running");
        Assert.Empty(shown);
    }
}
