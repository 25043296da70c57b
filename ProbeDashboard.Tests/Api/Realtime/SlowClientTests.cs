using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Events;
using ProbeDashboard.Realtime;

namespace ProbeDashboard.Tests.Api.Realtime;

[Collection(RealtimeCollection.Name)]
public class SlowClientTests(RealtimeAppFixture fixture)
{
    private const int ServiceId = 401;
    // Below the per-connection queue, so a client that keeps reading never overflows between two batches.
    private const int Batch = RealtimeAppFixture.QueueCapacity - 14;

    [Fact]
    public async Task A_slow_client_loses_and_counts_messages_while_a_fast_client_gets_every_one()
    {
        var endpoint = new Uri(fixture.WebSocketBase, "/api/v1/ws/service-probe");
        var slow = await SocketTestClient.ConnectAsync(endpoint, fixture.AdminToken, smallReceiveBuffer: true);
        await using var fast = await SocketTestClient.ConnectAsync(endpoint, fixture.AdminToken);
        foreach (var client in new[] { slow, fast })
        {
            await client.SendAsync($$"""{"action":"subscribe","service_ids":[{{ServiceId}}]}""");
            await client.SyncAsync();
        }
        var bus = fixture.App.Services.GetRequiredService<EventBus>();
        var busDropsBefore = bus.DroppedTotal;
        var dropsBefore = fixture.Stats.Dropped(RealtimeStream.ServiceProbe);

        // The slow client never reads again. Once its socket buffers are full its own queue overflows; keep
        // publishing until that shows, checking that the fast client still receives every message in order.
        var sent = 0;
        while (fixture.Stats.Dropped(RealtimeStream.ServiceProbe) == dropsBefore)
        {
            Assert.True(sent < 500_000, "the slow client never overflowed");
            fixture.PublishResults(Enumerable.Range(sent + 1, Batch).Select(n => RealtimeAppFixture.Result(ServiceId, latencyMs: n)).ToArray());
            for (var n = sent + 1; n <= sent + Batch; n++)
            {
                var message = await fast.ReceiveAsync();
                Assert.Equal(n / 1000.0, message.GetProperty("data").GetProperty("latency").GetDouble());
            }
            sent += Batch;
        }

        Assert.Equal(busDropsBefore, bus.DroppedTotal);
        await fast.AssertNothingPendingAsync();
        slow.Abort();
        await slow.DisposeAsync();
        await fast.CloseAsync();
        await fixture.AssertNoSubscribersLeftAsync();
        // Measured for the report: how much a stalled loopback client absorbs before its queue overflows.
        Console.WriteLine($"slow client overflowed after {sent} messages; dropped {fixture.Stats.Dropped(RealtimeStream.ServiceProbe) - dropsBefore}");
    }
}
