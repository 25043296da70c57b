using ProbeDashboard.Core.Monitors.Flap;
using ProbeDashboard.Core.Probing;
using ProbeDashboard.Core.Results;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Core.Monitors.Flap;

/// <summary>
/// Flap control on the injected clock: a monitor probed every 60 s with retry_interval 10 s and fail_threshold 3. The
/// fires follow the scheduler's rule (the next phase of the rhythm <see cref="FlapControl"/> names after each closed
/// round); the writer's <see cref="MonitorRoundTracker"/> must count each of those fires as a round of its own.
/// </summary>
public sealed class FlapRoundsTests
{
    private const int MonitorId = 11;
    private const int Interval = 60;
    private const int RetryInterval = 10;
    private static readonly RoundSettings Settings = new(Interval, null, RetryIntervalSeconds: RetryInterval, FailThreshold: 3);

    private readonly ManualTimeProvider _clock = new();
    private readonly MonitorRoundTracker _tracker = new();
    private readonly List<ProbeRound> _closed = [];
    private DateTimeOffset _nextFire;
    private int _rhythm = Interval;

    public FlapRoundsTests() => _nextFire = ProbeSchedule.FirstFireAt(MonitorId, Interval, _clock.GetUtcNow());

    /// <summary>Moves the clock to the next fire, probes (result stamped now), and schedules the next fire as the scheduler would.</summary>
    /// <returns>Seconds since the previous fire.</returns>
    private double Fire(bool success)
    {
        var before = _clock.GetUtcNow();
        _clock.Advance(_nextFire - before);
        var at = _clock.GetUtcNow();
        var closedBefore = _closed.Count;
        _tracker.Record(new ProbeResult { MonitorId = MonitorId, HostId = 1, Timestamp = at.UtcDateTime, Success = success, LatencyMs = 5 },
            Settings, storedFailures: 0, _closed);
        Assert.Equal(closedBefore + 1, _closed.Count);
        var wanted = Settings.RoundIntervalAfter(_closed[^1].ConsecutiveFailures);
        // Same rhythm: the repeating trigger goes on; a new one: the trigger moves to that rhythm's next phase.
        _nextFire = wanted == _rhythm ? at.AddSeconds(_rhythm) : ProbeSchedule.FirstFireAfterProbeNow(MonitorId, wanted, at);
        _rhythm = wanted;
        return (at - before).TotalSeconds;
    }

    [Theory]
    [InlineData(60, null, 3, 1, 60)]
    [InlineData(60, 10, 3, 0, 60)]
    [InlineData(60, 10, 3, 1, 10)]
    [InlineData(60, 10, 3, 2, 10)]
    [InlineData(60, 10, 3, 3, 60)]
    [InlineData(60, 10, 3, 9, 60)]
    [InlineData(60, 60, 3, 1, 60)]
    [InlineData(60, 10, 1, 1, 60)]
    public void The_rhythm_is_the_retry_interval_only_between_a_failed_round_and_the_threshold(
        int interval, int? retry, int threshold, int failures, int expected) =>
        Assert.Equal(expected, FlapControl.RoundInterval(interval, retry, threshold, failures));

    [Fact]
    public void After_a_failure_rounds_come_at_the_retry_interval_and_each_counts_until_the_threshold_then_the_interval_again()
    {
        Fire(true);
        Fire(true);
        Fire(false);
        var gapsWhileRetrying = new[] { Fire(false), Fire(false) };

        Assert.Equal([1, 2, 3], _closed.Skip(2).Select(r => r.ConsecutiveFailures));
        // The first retry joins the 10 s rhythm's phase (at least 3/4 of it later), then exactly every 10 s.
        Assert.InRange(gapsWhileRetrying[0], 7.5, 17.5);
        Assert.Equal(RetryInterval, gapsWhileRetrying[1]);

        // Threshold reached: back to the 60 s phase, failing or not.
        Assert.InRange(Fire(false), 45, 105);
        Assert.Equal(Interval, Fire(false));
        Assert.Equal(5, _closed[^1].ConsecutiveFailures);
    }

    [Fact]
    public void A_passing_retry_round_ends_the_retries_and_the_monitor_goes_back_to_its_interval()
    {
        Fire(true);
        Fire(false);
        Assert.InRange(Fire(true), 7.5, 17.5);

        Assert.Equal([false, true, false], _closed.Select(r => r.Failed));
        Assert.Equal(0, _closed[^1].ConsecutiveFailures);
        Assert.InRange(Fire(true), 45, 105);
        Assert.Equal(Interval, Fire(true));
        Assert.Equal(5, _closed.Count);
    }

    [Fact]
    public void Without_a_retry_interval_a_result_ten_seconds_after_a_failed_round_is_no_round_of_its_own()
    {
        var tracker = new MonitorRoundTracker();
        var closed = new List<ProbeRound>();
        var at = ProbeSchedule.FirstFireAt(MonitorId, Interval, _clock.GetUtcNow()).UtcDateTime;
        var plain = new RoundSettings(Interval, null, FailThreshold: 3);
        tracker.Record(new ProbeResult { MonitorId = MonitorId, HostId = 1, Timestamp = at, Success = false }, plain, 0, closed);
        tracker.Record(new ProbeResult { MonitorId = MonitorId, HostId = 1, Timestamp = at.AddSeconds(10), Success = false }, plain, 0, closed);

        Assert.Single(closed);
    }
}
