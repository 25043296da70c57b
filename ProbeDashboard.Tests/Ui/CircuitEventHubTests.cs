using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using ProbeDashboard.Core.Events;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Realtime;

namespace ProbeDashboard.Tests.Ui;

/// <summary>
/// Every open dashboard hears each event once, stamped with the same moment (so their refreshes can share one list
/// read), and a dashboard that goes away stops hearing without disturbing the others.
/// </summary>
public sealed class CircuitEventHubTests : IDisposable
{
    private readonly EventBus _bus = new();
    private readonly CircuitEventHub _hub;

    public CircuitEventHubTests() => _hub = new CircuitEventHub(_bus, TimeProvider.System, NullLogger<CircuitEventHub>.Instance);

    public void Dispose() => _hub.Dispose();

    private static (Channel<LiveEvent> Heard, Action<LiveEvent> Listener) Recorder()
    {
        var heard = Channel.CreateUnbounded<LiveEvent>();
        return (heard, seen => heard.Writer.TryWrite(seen));
    }

    private static async Task<LiveEvent> NextAsync(Channel<LiveEvent> heard) =>
        await heard.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

    [Fact]
    public async Task Two_dashboards_hear_the_same_event_at_the_same_moment_over_one_queue_that_goes_with_the_last_of_them()
    {
        var first = new StatusFeed(_hub);
        var second = new StatusFeed(_hub);
        var (firstHeard, firstListener) = Recorder();
        var (secondHeard, secondListener) = Recorder();
        first.Listen(firstListener);
        second.Listen(secondListener);
        Assert.Equal(1, _bus.SubscriberCount);

        var changed = new MonitorStatusChanged(7, MonitorStatus.Offline, DateTime.UtcNow);
        _bus.Publish(changed);
        var a = await NextAsync(firstHeard);
        var b = await NextAsync(secondHeard);
        Assert.Same(changed, a.Event);
        Assert.Same(changed, b.Event);
        Assert.Equal(a.SeenAt, b.SeenAt);

        // The first circuit ends: its scope disposes its feed, which drops the listeners its components left behind.
        first.Dispose();
        var later = new MonitorStatusChanged(7, MonitorStatus.Online, DateTime.UtcNow);
        _bus.Publish(later);
        Assert.Same(later, (await NextAsync(secondHeard)).Event);
        Assert.False(firstHeard.Reader.TryRead(out _), "a closed dashboard still heard an event");
        Assert.Throws<ObjectDisposedException>(() => first.Listen(firstListener));

        // The last dashboard closes: nothing is queued for dashboards any more.
        second.Dispose();
        Assert.Equal(0, _bus.SubscriberCount);
        Assert.Equal(0, _hub.ListenerCount);
    }

    [Fact]
    public async Task A_listener_that_throws_does_not_keep_the_event_from_the_others()
    {
        using var feed = new StatusFeed(_hub);
        feed.Listen((LiveEvent _) => throw new InvalidOperationException("a broken component"));
        var (heard, listener) = Recorder();
        feed.Listen(listener);

        _bus.Publish(new MonitorConfigurationChanged(1, Deleted: true));
        _bus.Publish(new MonitorConfigurationChanged(2, Deleted: true));

        Assert.Equal(1, ((MonitorConfigurationChanged)(await NextAsync(heard)).Event).MonitorId);
        Assert.Equal(2, ((MonitorConfigurationChanged)(await NextAsync(heard)).Event).MonitorId);
    }
}
