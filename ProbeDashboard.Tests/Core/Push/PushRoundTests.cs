using ProbeDashboard.Core.Results;

namespace ProbeDashboard.Tests.Core.Push;

/// <summary>A push monitor's results arrive when its job runs: each one is a round of its own, counted at once.</summary>
public class PushRoundTests
{
    [Fact]
    public void Each_push_result_closes_a_round_and_failures_count_in_a_row_until_a_success()
    {
        var tracker = new MonitorRoundTracker();
        var settings = new RoundSettings(300, null, EachResultIsARound: true);
        var closed = new List<ProbeRound>();
        var at = new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);

        // Two results a second apart would share one probe round; here each counts.
        foreach (var (offset, success) in new[] { (0, false), (1, false), (2, true), (3, false) })
            tracker.Record(new ProbeResult { MonitorId = 7, HostId = 1, Timestamp = at.AddSeconds(offset), Success = success }, settings, storedFailures: 4, closed);

        Assert.Equal([5, 6, 0, 1], closed.Select(r => r.ConsecutiveFailures));
        Assert.Equal([true, true, false, true], closed.Select(r => r.Failed));
    }
}
