using Microsoft.Extensions.Options;
using ProbeDashboard.Realtime;

namespace ProbeDashboard.Tests.Api.Realtime;

public class RealtimeFanOutTests
{
    private readonly RealtimeStats _stats = new();

    private RealtimeFanOut FanOut(int capacity = 100, int maxTopics = 100) =>
        new(_stats, Options.Create(new RealtimeOptions { QueueCapacity = capacity, MaxTopicsPerConnection = maxTopics }));

    private static RealtimePush Push(int serviceId) =>
        RealtimePush.ForId(RealtimeStream.ServiceProbe, serviceId, "probe_result", new { service_id = serviceId });

    [Fact]
    public void A_full_queue_drops_and_counts_its_own_messages_only()
    {
        var fanOut = FanOut(capacity: 2);
        using var slow = fanOut.Attach(RealtimeStream.ServiceProbe);
        using var other = fanOut.Attach(RealtimeStream.ServiceProbe);
        slow.TrySubscribe(["1"]);
        other.TrySubscribe(["1"]);
        var drained = 0;

        for (var i = 0; i < 5; i++)
        {
            fanOut.Publish(Push(1));
            while (other.Reader.TryRead(out _)) drained++;
        }

        Assert.Equal(3, slow.Dropped);
        Assert.Equal(0, other.Dropped);
        Assert.Equal(5, drained);
        Assert.Equal(3, _stats.Dropped(RealtimeStream.ServiceProbe));
        Assert.Equal(7, _stats.Queued(RealtimeStream.ServiceProbe));
    }

    [Fact]
    public void Only_followed_topics_of_the_own_stream_are_queued()
    {
        var fanOut = FanOut();
        using var services = fanOut.Attach(RealtimeStream.ServiceProbe);
        using var hosts = fanOut.Attach(RealtimeStream.HostMonitor);
        services.TrySubscribe(["1", "2"]);
        hosts.TrySubscribe(["1"]);
        services.Unsubscribe(["2"]);

        fanOut.Publish(Push(1));
        fanOut.Publish(Push(2));
        fanOut.Publish(Push(3));

        Assert.Equal(1, services.Reader.Count);
        Assert.Equal(0, hosts.Reader.Count);
    }

    [Fact]
    public void Topic_limit_refuses_the_whole_request_and_counts_follow_attach_and_dispose()
    {
        var fanOut = FanOut(maxTopics: 3);
        var subscriber = fanOut.Attach(RealtimeStream.AlertEvents);
        Assert.Equal(1, _stats.Subscribers(RealtimeStream.AlertEvents));

        Assert.True(subscriber.TrySubscribe(["info", "warning"]));
        Assert.False(subscriber.TrySubscribe(["critical", "other"]));
        Assert.Equal(["info", "warning"], subscriber.Topics.Order());

        subscriber.Dispose();
        subscriber.Dispose();
        Assert.Equal(0, _stats.Subscribers(RealtimeStream.AlertEvents));
    }
}
