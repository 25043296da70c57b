using ProbeDashboard.Core.Events;

namespace ProbeDashboard.Tests.Core.Events;

public class EventBusTests
{
    [Fact]
    public void A_full_subscriber_drops_and_counts_without_affecting_others()
    {
        var bus = new EventBus();
        using var slow = bus.Subscribe<MonitorConfigurationChanged>(capacity: 2);
        using var fast = bus.Subscribe<MonitorConfigurationChanged>(capacity: 100);

        for (var i = 0; i < 5; i++) bus.Publish(new MonitorConfigurationChanged(i, Deleted: false));

        Assert.Equal(3, slow.Dropped);
        Assert.Equal(0, fast.Dropped);
        Assert.Equal(3, bus.DroppedTotal);
        Assert.Equal(5, fast.Reader.Count);
        Assert.True(slow.Reader.TryRead(out var first));
        Assert.Equal(0, first.MonitorId);
    }

    [Fact]
    public void Subscribers_receive_only_their_event_type_and_leave_on_dispose()
    {
        var bus = new EventBus();
        var statuses = bus.Subscribe<MonitorStatusChanged>();
        bus.Publish(new MonitorConfigurationChanged(1, Deleted: true));
        Assert.Equal(0, statuses.Reader.Count);
        Assert.Equal(1, bus.SubscriberCount);

        statuses.Dispose();
        Assert.Equal(0, bus.SubscriberCount);
    }
}
