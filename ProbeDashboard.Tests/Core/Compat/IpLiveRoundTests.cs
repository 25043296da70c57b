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
    public void A_second_result_from_the_same_monitor_and_host_closes_the_round_with_what_it_has()
    {
        var round = new IpLiveRound(TimeSpan.FromSeconds(60));
        Assert.Empty(round.Add(Result(1, 0), TwoMonitorsOneHost));
        var cut = Assert.Single(round.Add(Result(1, 30), TwoMonitorsOneHost));
        Assert.Equal([1], cut.ByMonitor.Keys);

        var next = Assert.Single(round.Add(Result(2, 31), TwoMonitorsOneHost));
        Assert.Equal(T0.AddSeconds(30), next.StartedAt);
    }

    [Fact]
    public void A_result_an_interval_after_the_round_began_starts_the_next_round()
    {
        var round = new IpLiveRound(TimeSpan.FromSeconds(60));
        Assert.Empty(round.Add(Result(1, 0), TwoMonitorsOneHost));
        var cut = Assert.Single(round.Add(Result(2, 61), TwoMonitorsOneHost));
        Assert.Equal([1], cut.ByMonitor.Keys);
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
