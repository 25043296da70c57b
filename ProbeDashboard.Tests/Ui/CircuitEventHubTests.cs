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

    [Fact]
    public async Task A_dashboard_whose_browser_dropped_off_gets_no_events_until_it_is_back_and_then_reloads_once()
    {
        var connection = new CircuitConnection();
        var away = new StatusFeed(_hub, connection);
        var watching = new StatusFeed(_hub);
        var (awayHeard, awayListener) = Recorder();
        var (watchingHeard, watchingListener) = Recorder();
        away.Listen(awayListener);
        watching.Listen(watchingListener);
        var reloads = 0;
        away.Resumed += () => reloads++;
        await connection.OnConnectionUpAsync(null!, CancellationToken.None);
        Assert.Equal(0, reloads); // the circuit's first connection: nothing was missed

        await connection.OnConnectionDownAsync(null!, CancellationToken.None);
        var missed = new MonitorStatusChanged(7, MonitorStatus.Offline, DateTime.UtcNow);
        _bus.Publish(missed);
        // The hub hands an event to its listeners in turn: once the other dashboard heard it, this one had its turn.
        Assert.Same(missed, (await NextAsync(watchingHeard)).Event);
        Assert.False(awayHeard.Reader.TryRead(out _), "a dashboard nobody could see was handed an event");

        await connection.OnConnectionUpAsync(null!, CancellationToken.None);
        Assert.Equal(1, reloads);
        var later = new MonitorStatusChanged(7, MonitorStatus.Online, DateTime.UtcNow);
        _bus.Publish(later);
        Assert.Same(later, (await NextAsync(awayHeard)).Event);

        // A drop during which nothing happened needs no reload.
        await connection.OnConnectionDownAsync(null!, CancellationToken.None);
        await connection.OnConnectionUpAsync(null!, CancellationToken.None);
        Assert.Equal(1, reloads);
        away.Dispose();
        watching.Dispose();
    }
}
