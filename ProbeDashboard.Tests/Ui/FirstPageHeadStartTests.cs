using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using ProbeDashboard.Core.Events;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Monitors;
using ProbeDashboard.Realtime;

namespace ProbeDashboard.Tests.Ui;

/// <summary>
/// The monitors list's first page is read from the circuit's start, before the grid asks for it; a page that an event
/// published meanwhile concerns is never shown (the grid reads afresh), so the head start cannot show an old status.
/// </summary>
public sealed class FirstPageHeadStartTests : IDisposable
{
    private readonly EventBus _bus = new();
    private readonly CircuitEventHub _hub;
    private readonly StatusFeed _feed;

    public FirstPageHeadStartTests()
    {
        _hub = new CircuitEventHub(_bus, TimeProvider.System, NullLogger<CircuitEventHub>.Instance);
        _feed = new StatusFeed(_hub);
    }

    public void Dispose()
    {
        _feed.Dispose();
        _hub.Dispose();
    }

    private static MonitorListView PageOf(params int[] ids) => new(
        new MonitorListPage(ids.Select(id => new MonitorListRow(id, $"m{id}", "http://127.0.0.1/", "ui", MonitorKind.Http, true, 30,
            MonitorStatus.Online, null, null, null, null, DateTime.UtcNow, null)).ToList(), ids.Length),
        new Dictionary<int, IReadOnlyList<HeartbeatRound>>());

    /// <summary>Publishes and waits until the hub has handed the event to every listener registered before this call.</summary>
    private async Task PublishAsync(object evt)
    {
        var heard = Channel.CreateUnbounded<object>();
        using var after = _feed.Listen((object seen) => heard.Writer.TryWrite(seen));
        _bus.Publish(evt);
        while (await heard.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10)) != evt) { }
    }

    [Fact]
    public async Task A_page_is_shown_unless_an_event_during_its_read_concerns_one_of_its_rows()
    {
        var quiet = new TaskCompletionSource<MonitorListView>();
        var kept = new FirstPageHeadStart(_feed, () => quiet.Task);
        await PublishAsync(new MonitorStatusChanged(99, MonitorStatus.Offline, DateTime.UtcNow));
        quiet.SetResult(PageOf(1, 2));
        IReadOnlySet<int>? shown = null;
        Assert.NotNull(await kept.TakeAsync(ids => shown = ids));
        Assert.Equal([1, 2], shown!.Order());

        var busy = new TaskCompletionSource<MonitorListView>();
        var dropped = new FirstPageHeadStart(_feed, () => busy.Task);
        await PublishAsync(new MonitorStatusChanged(2, MonitorStatus.Offline, DateTime.UtcNow));
        busy.SetResult(PageOf(1, 2));
        Assert.Null(await dropped.TakeAsync(_ => { }));
    }

    [Fact]
    public async Task A_failed_read_leaves_the_grid_to_read_afresh_and_stops_listening()
    {
        var listeners = _hub.ListenerCount;
        var failing = new FirstPageHeadStart(_feed, () => Task.FromException<MonitorListView>(new InvalidOperationException("database gone")));
        Assert.Equal(listeners + 1, _hub.ListenerCount);
        Assert.Null(await failing.TakeAsync(_ => { }));
        Assert.Equal(listeners, _hub.ListenerCount);
    }
}
