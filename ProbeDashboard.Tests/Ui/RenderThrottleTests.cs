using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using ProbeDashboard.Realtime;

namespace ProbeDashboard.Tests.Ui;

/// <summary>A page watching 1,000 monitors gets an event per result; it must re-render a few times per second, not 1,000.</summary>
public class RenderThrottleTests
{
    [Fact]
    public async Task A_burst_of_events_becomes_a_few_refreshes_and_the_last_event_is_always_shown()
    {
        var interval = TimeSpan.FromMilliseconds(200);
        var refreshes = 0;
        long lastRefreshAt = 0;
        using var throttle = new RenderThrottle(() =>
        {
            Interlocked.Increment(ref refreshes);
            Interlocked.Exchange(ref lastRefreshAt, Stopwatch.GetTimestamp());
            return Task.CompletedTask;
        }, TimeProvider.System, NullLogger.Instance, interval);

        var burst = Stopwatch.StartNew();
        long lastRequestAt = 0;
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (burst.Elapsed < TimeSpan.FromSeconds(1))
            {
                for (var i = 0; i < 50; i++) throttle.Request();
                Interlocked.Exchange(ref lastRequestAt, Stopwatch.GetTimestamp());
                await Task.Delay(5);
            }
        })));
        await Task.Delay(interval * 3);

        // One second at one refresh per 200 ms: about five, never one per event.
        Assert.InRange(refreshes, 2, 8);
        Assert.True(Interlocked.Read(ref lastRefreshAt) > Interlocked.Read(ref lastRequestAt), "the final state was never refreshed");
    }

    [Fact]
    public async Task Nothing_refreshes_after_dispose()
    {
        var refreshes = 0;
        var throttle = new RenderThrottle(() => { Interlocked.Increment(ref refreshes); return Task.CompletedTask; },
            TimeProvider.System, NullLogger.Instance, TimeSpan.FromSeconds(5));
        throttle.Request();
        throttle.Request();
        throttle.Dispose();
        await Task.Delay(200);
        throttle.Request();
        Assert.Equal(1, refreshes);
    }
}
