using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Results;

namespace ProbeDashboard.Tests.Core.Results;

public class MonitorStatusTrackerTests
{
    private static readonly DateTime T0 = new(2026, 11, 22, 1, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void With_one_host_the_latest_round_decides()
    {
        var tracker = new MonitorStatusTracker();
        Assert.Equal(MonitorStatus.Online, tracker.Record(BatchRollupTests.Result(1, 1, T0, true, 5), 30));
        Assert.Equal(MonitorStatus.Offline, tracker.Record(BatchRollupTests.Result(1, 1, T0.AddSeconds(30), false, 0), 30));
        Assert.Equal(MonitorStatus.Online, tracker.Record(BatchRollupTests.Result(1, 1, T0.AddSeconds(60), true, 5), 30));
    }

    [Fact]
    public void Offline_only_when_every_recent_host_failed_its_latest_round()
    {
        var tracker = new MonitorStatusTracker();
        tracker.Record(BatchRollupTests.Result(1, 1, T0, true, 5), 30);
        Assert.Equal(MonitorStatus.Online, tracker.Record(BatchRollupTests.Result(1, 2, T0.AddSeconds(1), false, 0), 30));
        Assert.Equal(MonitorStatus.Offline, tracker.Record(BatchRollupTests.Result(1, 1, T0.AddSeconds(30), false, 0), 30));
        Assert.Equal(MonitorStatus.Online, tracker.Record(BatchRollupTests.Result(1, 2, T0.AddSeconds(31), true, 5), 30));
    }

    [Fact]
    public void A_host_that_stopped_reporting_no_longer_keeps_a_monitor_online()
    {
        var tracker = new MonitorStatusTracker();
        tracker.Record(BatchRollupTests.Result(1, 1, T0, true, 5), 30);
        Assert.Equal(MonitorStatus.Offline, tracker.Record(BatchRollupTests.Result(1, 2, T0.AddSeconds(91), false, 0), 30));
    }

    [Fact]
    public void Monitors_are_judged_independently_and_can_be_forgotten()
    {
        var tracker = new MonitorStatusTracker();
        tracker.Record(BatchRollupTests.Result(1, 1, T0, true, 5), 30);
        Assert.Equal(MonitorStatus.Offline, tracker.Record(BatchRollupTests.Result(2, 2, T0, false, 0), 30));

        tracker.Forget(1);
        Assert.Equal(MonitorStatus.Offline, tracker.Record(BatchRollupTests.Result(1, 2, T0.AddSeconds(1), false, 0), 30));
    }
}
