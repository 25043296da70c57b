using System.Diagnostics;
using System.Threading.Channels;
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

    [Fact]
    public async Task A_routine_change_waits_for_the_routine_interval_and_an_urgent_one_cuts_the_wait_short()
    {
        var refreshed = Channel.CreateUnbounded<long>();
        using var throttle = new RenderThrottle(() => { refreshed.Writer.TryWrite(Stopwatch.GetTimestamp()); return Task.CompletedTask; },
            TimeProvider.System, NullLogger.Instance, interval: TimeSpan.FromMilliseconds(50), routineInterval: TimeSpan.FromMinutes(5));

        // Nothing was drawn for longer than either interval: the first change is drawn at once.
        throttle.Request(urgent: false);
        await refreshed.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        // A second routine change is held (five minutes here)...
        throttle.Request(urgent: false);
        await Task.Delay(300);
        Assert.False(refreshed.Reader.TryRead(out _), "a routine change was drawn before the routine interval");

        // ...until an urgent one arrives: both are drawn together, long before the routine interval.
        var urgentAt = Stopwatch.GetTimestamp();
        throttle.Request(urgent: true);
        var drawnAt = await refreshed.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(drawnAt >= urgentAt);
        Assert.False(refreshed.Reader.TryRead(out _), "the held and the urgent change were drawn twice");
    }
}
