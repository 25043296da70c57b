using System.Text.Json.Nodes;
using ProbeDashboard.Core.Compat.IpLive;
using ProbeDashboard.Core.Results;

namespace ProbeDashboard.Tests.Core.Compat;

/// <summary>When a group's round is finished, decided from arriving results alone, and what the app is told about it.</summary>
public class IpLiveRoundTests
{
    private static readonly DateTime T0 = new(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc);
    private static readonly Dictionary<int, int> TwoMonitorsOneHost = new() { [1] = 1, [2] = 1 };

    private static ProbeResult Result(int monitor, double seconds, bool success = true, int host = 1, double latency = 10) =>
        new() { MonitorId = monitor, HostId = host, Timestamp = T0.AddSeconds(seconds), Success = success, LatencyMs = latency };

    [Fact]
    public void A_round_finishes_when_every_monitor_has_a_result_from_each_of_its_hosts()
    {
        var round = new IpLiveRound(TimeSpan.FromSeconds(60));
        var expected = new Dictionary<int, int> { [1] = 2, [2] = 1 };
        Assert.Empty(round.Add(Result(1, 0, host: 1), expected));
        Assert.Empty(round.Add(Result(2, 1), expected));
        var finished = Assert.Single(round.Add(Result(1, 2, host: 2), expected));
        Assert.Equal(T0, finished.StartedAt);
        Assert.Equal([2, 1], finished.ByMonitor.OrderBy(m => m.Key).Select(m => m.Value.Count));
    }

    [Fact]
    public void A_result_of_the_round_that_arrives_after_one_of_the_next_round_still_counts_in_its_round()
    {
        // Monitor 2 is phased at the end of the interval and probed on a peer: its result crosses over after the
        // first result of the next round.
        var round = new IpLiveRound(TimeSpan.FromSeconds(2));
        Assert.Empty(round.Add(Result(1, 0), TwoMonitorsOneHost));
        Assert.Empty(round.Add(Result(1, 2.003), TwoMonitorsOneHost));
        var first = Assert.Single(round.Add(Result(2, 1.9), TwoMonitorsOneHost));
        Assert.Equal(T0, first.StartedAt);
        Assert.Equal([0, 1.9], first.ByMonitor.OrderBy(m => m.Key).Select(m => (m.Value.Single().Timestamp - T0).TotalSeconds));

        var second = Assert.Single(round.Add(Result(2, 3.9), TwoMonitorsOneHost));
        Assert.Equal(T0.AddSeconds(2.003), second.StartedAt);
    }

    [Fact]
    public void With_a_short_interval_a_result_may_arrive_up_to_an_interval_late()
    {
        var round = new IpLiveRound(TimeSpan.FromSeconds(2));
        var threeMonitors = new Dictionary<int, int> { [1] = 1, [2] = 1, [3] = 1 };
        Assert.Empty(round.Add(Result(1, 0), threeMonitors));
        Assert.Empty(round.Add(Result(1, 2.0), threeMonitors));
        Assert.Empty(round.Add(Result(3, 3.9), threeMonitors));   // the peer's result below is 2 s behind this one
        Assert.Empty(round.Add(Result(3, 1.8), threeMonitors));
        var first = Assert.Single(round.Add(Result(2, 1.9), threeMonitors));
        Assert.Equal([1, 2, 3], first.ByMonitor.Keys.Order());
    }

    [Fact]
    public void A_result_arriving_before_an_earlier_one_of_the_same_round_moves_the_round_start_back()
    {
        var round = new IpLiveRound(TimeSpan.FromSeconds(60));
        Assert.Empty(round.Add(Result(2, 5), TwoMonitorsOneHost));
        var finished = Assert.Single(round.Add(Result(1, 4.9), TwoMonitorsOneHost));
        Assert.Equal(T0.AddSeconds(4.9), finished.StartedAt);
    }

    [Fact]
    public void A_result_older_than_the_round_being_collected_from_a_monitor_it_already_has_is_dropped()
    {
        var round = new IpLiveRound(TimeSpan.FromSeconds(60));
        Assert.Empty(round.Add(Result(1, 60), TwoMonitorsOneHost));
        Assert.Empty(round.Add(Result(1, 0), TwoMonitorsOneHost));   // the round before, reported already
        var finished = Assert.Single(round.Add(Result(2, 61), TwoMonitorsOneHost));
        Assert.Equal(T0.AddSeconds(60), finished.StartedAt);
        Assert.Equal(T0.AddSeconds(60), finished.ByMonitor[1].Single().Timestamp);

        // Nor does it come back later as a round of its own.
        Assert.Empty(round.Add(Result(1, 120), TwoMonitorsOneHost));
        Assert.Equal([T0.AddSeconds(120)], round.Add(Result(2, 121), TwoMonitorsOneHost).Select(r => r.StartedAt));
    }

    [Fact]
    public void A_round_missing_a_monitor_is_cut_short_when_the_next_round_is_whole()
    {
        var round = new IpLiveRound(TimeSpan.FromSeconds(60));
        Assert.Empty(round.Add(Result(1, 0), TwoMonitorsOneHost));
        Assert.Empty(round.Add(Result(1, 60), TwoMonitorsOneHost));
        var finished = round.Add(Result(2, 61), TwoMonitorsOneHost);

        Assert.Equal([T0, T0.AddSeconds(60)], finished.Select(f => f.StartedAt));
        Assert.Equal([1], finished[0].ByMonitor.Keys);
        Assert.Equal([1, 2], finished[1].ByMonitor.Keys.Order());
    }

    [Fact]
    public void A_round_missing_a_monitor_is_cut_short_once_results_are_well_past_its_end()
    {
        var round = new IpLiveRound(TimeSpan.FromSeconds(60));
        var fourMonitors = new Dictionary<int, int> { [1] = 1, [2] = 1, [3] = 1, [4] = 1 };
        Assert.Empty(round.Add(Result(1, 0), fourMonitors));
        Assert.Empty(round.Add(Result(1, 60), fourMonitors));
        Assert.Empty(round.Add(Result(2, 69.9), fourMonitors));   // still within 10 s of the round's end: held
        var cut = Assert.Single(round.Add(Result(3, 70), fourMonitors));
        Assert.Equal(T0, cut.StartedAt);
        Assert.Equal([1], cut.ByMonitor.Keys);
    }

    [Fact]
    public void A_third_result_from_one_monitor_and_host_cuts_the_oldest_round_short()
    {
        var round = new IpLiveRound(TimeSpan.FromSeconds(60));
        Assert.Empty(round.Add(Result(1, 0), TwoMonitorsOneHost));
        Assert.Empty(round.Add(Result(1, 20), TwoMonitorsOneHost));   // an extra probe (after an edit): held
        var cut = Assert.Single(round.Add(Result(1, 40), TwoMonitorsOneHost));
        Assert.Equal(T0, cut.StartedAt);

        var next = Assert.Single(round.Add(Result(2, 41), TwoMonitorsOneHost));
        Assert.Equal(T0.AddSeconds(20), next.StartedAt);
    }

    [Fact]
    public void Results_of_monitors_outside_the_group_are_ignored()
    {
        var round = new IpLiveRound(TimeSpan.FromSeconds(60));
        Assert.Empty(round.Add(Result(99, 0), TwoMonitorsOneHost));
        Assert.Empty(round.Add(Result(1, 0), TwoMonitorsOneHost));
        Assert.Single(round.Add(Result(2, 0), TwoMonitorsOneHost));
    }

    [Fact]
    public void The_callback_says_up_when_any_host_reached_the_record_with_the_mean_latency_of_the_good_probes()
    {
        var group = new IpLiveGroup { GroupId = 42, Records = [new() { RecordId = 7, MonitorId = 1 }, new() { RecordId = 8, MonitorId = 2 }, new() { RecordId = 9, MonitorId = 3 }] };
        var round = new IpLiveRoundResult(T0, new Dictionary<int, IReadOnlyList<ProbeResult>>
        {
            [1] = [Result(1, 0, host: 1, latency: 4), Result(1, 0, success: false, host: 2, latency: 0), Result(1, 0, host: 3, latency: 7)],
            [2] = [Result(2, 0, success: false, latency: 0)],
        });

        var payload = IpLiveRoundTracker.Payload(group, round);
        var expected = JsonNode.Parse($$"""
            {"group_id": 42, "timestamp": {{new DateTimeOffset(T0).ToUnixTimeSeconds()}},
             "result": [{"record_id": "7", "status": "1", "res_time": 6}, {"record_id": "8", "status": "0", "res_time": 0}]}
            """);
        Assert.True(JsonNode.DeepEquals(expected, payload), payload.ToJsonString());
    }
}
