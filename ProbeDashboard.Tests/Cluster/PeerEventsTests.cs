using System.Text.Json;
using ProbeDashboard.Core.Cluster.Bus;
using ProbeDashboard.Core.Events;
using ProbeDashboard.Core.Results;

namespace ProbeDashboard.Tests.Cluster;

/// <summary>Which events cross to the other nodes, and that they arrive there as they left.</summary>
public class PeerEventsTests
{
    [Fact]
    public void Every_event_type_live_views_and_in_memory_copies_need_crosses()
    {
        var samples = PeerEventSamples.All();
        Assert.Equal(9, samples.Select(s => s.GetType()).Distinct().Count());
        Assert.All(samples, evt => Assert.True(PeerEvents.Crosses(evt), $"{evt.GetType().Name} should cross"));
    }

    [Fact]
    public void Other_objects_stay_on_their_node_and_cannot_be_wrapped()
    {
        object[] local = ["text", new object(), new ProbeRound(1, PeerEventSamples.At, false, 0, 1, 0, 1, 200)];
        Assert.All(local, evt => Assert.False(PeerEvents.Crosses(evt)));
        Assert.Throws<ArgumentException>(() => PeerEvents.Wrap("text"));
    }

    [Fact]
    public void A_batch_round_trips_every_event_with_its_type_order_and_values()
    {
        var sent = PeerEventSamples.All();
        var node = Guid.NewGuid();
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new PeerBatch(node, [.. sent.Select(PeerEvents.Wrap)]), PeerJson.Default.PeerBatch);
        var batch = JsonSerializer.Deserialize(bytes, PeerJson.Default.PeerBatch)!;

        Assert.Equal(node, batch.Node);
        var received = batch.Events.Select(PeerEvents.Unwrap).ToList();
        Assert.Equal(sent.Select(e => e.GetType()), received.Select(e => e!.GetType()));
        for (var i = 0; i < sent.Count; i++)
            Assert.Equal(JsonSerializer.Serialize(sent[i], sent[i].GetType()), JsonSerializer.Serialize(received[i], received[i]!.GetType()));
        var results = (ProbeResultsCommitted)received[0]!;
        Assert.Equal(DateTimeKind.Utc, results.Results[0].Timestamp.Kind);
        Assert.Equal(PeerEventSamples.At, results.Results[0].Timestamp);
    }

    [Fact]
    public void An_entry_from_a_newer_node_with_an_unknown_event_is_skipped()
    {
        var batch = JsonSerializer.Deserialize("""{"Node":"9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d","Events":[{"zz":{"x":1}},{"hg":{"GroupId":6}}]}"""u8,
            PeerJson.Default.PeerBatch)!;
        Assert.Null(PeerEvents.Unwrap(batch.Events[0]));
        Assert.Equal(6, Assert.IsType<ProbeDashboard.Core.Hosts.Dependencies.HostGroupDependenciesChanged>(PeerEvents.Unwrap(batch.Events[1])).GroupId);
    }
}
