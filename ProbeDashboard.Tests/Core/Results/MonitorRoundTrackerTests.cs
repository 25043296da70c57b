using ProbeDashboard.Core.Probing;
using ProbeDashboard.Core.Results;

namespace ProbeDashboard.Tests.Core.Results;

/// <summary>
/// Rounds and how they count, on results stamped by a hand-moved clock: one round is one scheduled fire time
/// of a monitor, whichever of its hosts reported in it.
/// </summary>
public class MonitorRoundTrackerTests
{
    private const int MonitorId = 7;
    private const int Interval = 60;
    private static readonly RoundSettings AllHosts = new(Interval, null);

    /// <summary>The monitor's n-th scheduled fire time (its phase plus whole intervals).</summary>
    private static DateTime Fire(int n) =>
        DateTime.UnixEpoch.AddMilliseconds(ProbeSchedule.OffsetMs(MonitorId, Interval)).AddSeconds(Interval * (29_000_000L + n));

    /// <summary>
    /// A tracker that has already heard <paramref name="hosts"/> hosts in one good round, as in a running server
    /// (after a start the first round closes with its first report: see the restart test).
    /// </summary>
    private sealed class Rounds
    {
        private readonly RoundSettings _settings;

        public Rounds(RoundSettings settings, int hosts)
        {
            _settings = settings;
            for (var host = 1; host <= hosts; host++) Report(-1, host, true);
            Closed.Clear();
        }

        public MonitorRoundTracker Tracker { get; } = new();
        public List<ProbeRound> Closed { get; } = [];

        /// <summary>Host <paramref name="host"/> reports round <paramref name="n"/>, <paramref name="lagMs"/> after its fire time.</summary>
        public Rounds Report(int n, int host, bool success, int lagMs = 40)
        {
            Tracker.Record(BatchRollupTests.Result(MonitorId, host, Fire(n).AddMilliseconds(lagMs), success, success ? 20 + host : 0),
                _settings, storedFailures: 0, Closed);
            return this;
        }

        public int? Failures => Tracker.ConsecutiveFailures(MonitorId);
    }

    [Fact]
    public void With_one_host_every_result_is_one_round()
    {
        var rounds = new Rounds(AllHosts, 1).Report(0, 1, false).Report(1, 1, false).Report(2, 1, true).Report(3, 1, false);

        Assert.Equal([true, true, false, true], rounds.Closed.Select(r => r.Failed));
        Assert.Equal([1, 2, 0, 1], rounds.Closed.Select(r => r.ConsecutiveFailures));
    }

    [Fact]
    public void With_two_hosts_failing_together_the_counter_equals_the_failed_rounds_not_the_results()
    {
        var rounds = new Rounds(AllHosts, 2);
        for (var n = 0; n < 26; n++) rounds.Report(n, 1, false).Report(n, 2, false, lagMs: 900);

        Assert.Equal(26, rounds.Failures);
        Assert.Equal(26, rounds.Closed.Count);
        Assert.All(rounds.Closed, r => Assert.Equal((2, 2), (r.ReportingHosts, r.FailedHosts)));
    }

    [Fact]
    public void With_three_hosts_a_round_waits_for_every_known_host_and_then_counts_once()
    {
        var rounds = new Rounds(AllHosts, 3).Report(0, 1, false).Report(0, 2, false);
        Assert.Empty(rounds.Closed);
        rounds.Report(0, 3, false);
        Assert.Single(rounds.Closed);

        rounds.Report(1, 2, false).Report(1, 1, false);
        Assert.Single(rounds.Closed);
        rounds.Report(1, 3, false);
        Assert.Equal(2, rounds.Closed.Count);
        Assert.Equal(2, rounds.Failures);
    }

    [Fact]
    public void A_mixed_round_fails_only_when_every_reporting_host_failed_by_default()
    {
        var rounds = new Rounds(AllHosts, 3);
        rounds.Report(0, 1, false).Report(0, 2, false).Report(0, 3, false);
        rounds.Report(1, 1, false).Report(1, 2, true).Report(1, 3, false);

        Assert.Equal([true, false], rounds.Closed.Select(r => r.Failed));
        Assert.Equal(0, rounds.Failures);
        Assert.Equal(22, rounds.Closed[1].LatencyMs);
    }

    [Theory]
    [InlineData(1, new[] { true, false, false }, true)]
    [InlineData(2, new[] { true, false, true }, false)]
    [InlineData(2, new[] { true, false, false }, true)]
    [InlineData(3, new[] { false, false, true }, false)]
    [InlineData(5, new[] { false, false, false }, true)]
    public void A_quorum_fails_a_round_when_that_many_hosts_failed_capped_at_those_that_reported(int quorum, bool[] successes, bool failed)
    {
        var rounds = new Rounds(new RoundSettings(Interval, quorum), successes.Length);
        for (var host = 1; host <= successes.Length; host++) rounds.Report(0, host, successes[host - 1]);

        Assert.Equal(failed, Assert.Single(rounds.Closed).Failed);
    }

    [Fact]
    public void A_host_reporting_after_its_round_was_counted_does_not_count_it_again()
    {
        // After a restart the hosts are not known yet: the first report closes the round, the straggler only teaches.
        var rounds = new Rounds(AllHosts, 0).Report(0, 1, false).Report(0, 2, false, lagMs: 3_000);
        Assert.Equal(1, rounds.Failures);

        rounds.Report(1, 1, false).Report(1, 2, false, lagMs: 3_000);
        rounds.Report(1, 2, false, lagMs: 5_000);
        Assert.Equal(2, rounds.Failures);
        Assert.Equal(2, rounds.Closed.Count);
    }

    [Fact]
    public void A_late_upload_of_an_older_round_goes_into_history_only()
    {
        var rounds = new Rounds(AllHosts, 2).Report(0, 1, false);
        rounds.Report(1, 1, true);
        Assert.Single(rounds.Closed);
        rounds.Report(0, 2, true);

        Assert.Single(rounds.Closed);
        Assert.Equal(1, rounds.Failures);
        rounds.Report(1, 2, true);
        Assert.Equal([true, false], rounds.Closed.Select(r => r.Failed));
    }

    [Fact]
    public void Clocks_apart_by_less_than_half_an_interval_land_in_the_same_round()
    {
        var rounds = new Rounds(AllHosts, 2).Report(0, 1, false).Report(0, 2, false);
        rounds.Report(1, 1, false, lagMs: -20_000).Report(1, 2, false, lagMs: 25_000);

        Assert.Equal(2, rounds.Closed.Count);
        Assert.Equal(2, rounds.Failures);
    }

    [Fact]
    public void A_host_that_went_quiet_delays_the_count_by_one_round_until_it_is_forgotten()
    {
        var rounds = new Rounds(AllHosts, 2).Report(0, 1, false).Report(0, 2, false);
        rounds.Report(1, 1, false);
        Assert.Single(rounds.Closed);
        rounds.Report(2, 1, false);
        Assert.Equal(2, rounds.Closed.Count);
        Assert.Equal(1, rounds.Closed[1].ReportingHosts);

        for (var n = 3; n <= 5; n++) rounds.Report(n, 1, false);
        Assert.Equal(6, rounds.Closed.Count);
        Assert.Equal(6, rounds.Failures);
    }

    [Fact]
    public void The_count_resumes_from_the_stored_value_after_a_restart()
    {
        var tracker = new MonitorRoundTracker();
        var closed = new List<ProbeRound>();
        tracker.Record(BatchRollupTests.Result(MonitorId, 1, Fire(0), false, 0), AllHosts, storedFailures: 4, closed);

        Assert.Equal(5, Assert.Single(closed).ConsecutiveFailures);
    }
}
