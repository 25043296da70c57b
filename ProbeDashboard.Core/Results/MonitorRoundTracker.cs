using ProbeDashboard.Core.Probing;

namespace ProbeDashboard.Core.Results;

/// <summary>
/// Groups a monitor's results into rounds and counts failed rounds in a row.
/// <para>
/// A result belongs to the round of the scheduled fire time nearest to it (fire times are the monitor's phase plus
/// whole intervals, <see cref="ProbeSchedule"/>), so hosts whose clocks or uploads lag by less than half an
/// interval land in the same round. A round is counted once, when every host heard from in the last three
/// intervals has reported in it, or when a result of a later round arrives (a host that went quiet delays the count
/// by one round, until it is forgotten). It fails when at least <see cref="RoundSettings.FailQuorum"/> of the hosts
/// that reported in it failed, capped at the number that reported; without a quorum, when all of them failed (the
/// same rule that takes the monitor offline).
/// </para>
/// <para>
/// A result of a round that was already counted (a host reporting after the round closed, or probing twice in one
/// round) and a result of an older round (a late upload) go into history only: no round is counted twice.
/// Memory is in-process and owned by the single writer, so no locking. After a restart the count resumes from the
/// stored consecutive_failures; the first round then closes with its first report while the hosts are relearnt.
/// </para>
/// </summary>
public sealed class MonitorRoundTracker
{
    private const int HostMemoryIntervals = 3;
    private readonly Dictionary<int, MonitorRounds> _monitors = new();

    /// <summary>Places <paramref name="result"/> in its round and adds every round this closes to <paramref name="closed"/>.</summary>
    /// <param name="storedFailures">The monitor's stored consecutive_failures, used the first time the monitor is seen.</param>
    public void Record(ProbeResult result, RoundSettings settings, int storedFailures, List<ProbeRound> closed)
    {
        if (!_monitors.TryGetValue(result.MonitorId, out var rounds))
            _monitors[result.MonitorId] = rounds = new MonitorRounds(settings.IntervalSeconds, storedFailures);
        // Flap control: while failing below fail_threshold the rounds follow the retry_interval's rhythm.
        var interval = settings.EachResultIsARound ? settings.IntervalSeconds : settings.RoundIntervalAfter(rounds.Failures);
        if (rounds.IntervalSeconds != interval)
        {
            // A new interval moves every fire time: round numbers of the old rhythm no longer compare.
            Close(result.MonitorId, rounds, settings, closed);
            rounds.Restart(interval);
        }

        if (settings.EachResultIsARound)
        {
            rounds.Open(rounds.Index == long.MinValue ? 0 : rounds.Index + 1);
            rounds.Reports[result.HostId] = result;
            Close(result.MonitorId, rounds, settings, closed);
            return;
        }

        rounds.Hear(result.HostId, result.Timestamp);
        var index = RoundIndex(result.MonitorId, interval, result.Timestamp);
        if (index < rounds.Index) return;
        if (index > rounds.Index)
        {
            Close(result.MonitorId, rounds, settings, closed);
            rounds.Open(index);
        }
        if (rounds.Counted) return;
        rounds.Reports[result.HostId] = result;
        if (rounds.EveryKnownHostReported) Close(result.MonitorId, rounds, settings, closed);
    }

    /// <summary>Consecutive failed rounds so far, or null for a monitor not seen since start or since it was forgotten.</summary>
    public int? ConsecutiveFailures(int monitorId) => _monitors.TryGetValue(monitorId, out var rounds) ? rounds.Failures : null;

    /// <summary>Drops a monitor's rounds (deleted, or reset by a new target or a resume).</summary>
    public void Forget(int monitorId) => _monitors.Remove(monitorId);

    /// <summary>The number of the scheduled fire time nearest to <paramref name="at"/>.</summary>
    public static long RoundIndex(int monitorId, int intervalSeconds, DateTime at)
    {
        var intervalMs = Math.Max(1, intervalSeconds) * 1000L;
        var sincePhase = new DateTimeOffset(at, TimeSpan.Zero).ToUnixTimeMilliseconds() - ProbeSchedule.OffsetMs(monitorId, intervalSeconds);
        return (long)Math.Floor((sincePhase + intervalMs / 2.0) / intervalMs);
    }

    private static void Close(int monitorId, MonitorRounds rounds, RoundSettings settings, List<ProbeRound> closed)
    {
        if (rounds.Counted || rounds.Reports.Count == 0) return;
        var reports = rounds.Reports.Values;
        var failedHosts = reports.Count(r => !r.Success);
        var failed = ProbeRound.Fails(reports.Count, failedHosts, settings.FailQuorum);
        rounds.Failures = failed ? rounds.Failures + 1 : 0;
        rounds.Counted = true;
        var newest = reports.MaxBy(r => r.Timestamp)!;
        closed.Add(new ProbeRound(
            monitorId,
            newest.Timestamp,
            failed,
            rounds.Failures,
            reports.Count,
            failedHosts,
            failed ? null : reports.Where(r => r.Success).Average(r => r.LatencyMs),
            reports.Where(r => r.StatusCode > 0).MaxBy(r => r.Timestamp)?.StatusCode ?? 0,
            reports.Min(r => r.CertificateExpiresAt)));
    }

    private sealed class MonitorRounds(int intervalSeconds, int failures)
    {
        private readonly Dictionary<int, DateTime> _lastHeard = new();

        public int IntervalSeconds { get; private set; } = intervalSeconds;
        public int Failures { get; set; } = failures;
        public long Index { get; private set; } = long.MinValue;
        /// <summary>True once the current round was counted (and before the first round opens).</summary>
        public bool Counted { get; set; } = true;
        public Dictionary<int, ProbeResult> Reports { get; } = new();

        public bool EveryKnownHostReported => _lastHeard.Keys.All(Reports.ContainsKey);

        public void Hear(int hostId, DateTime at)
        {
            _lastHeard[hostId] = _lastHeard.TryGetValue(hostId, out var before) && before > at ? before : at;
            var horizon = _lastHeard.Values.Max().AddSeconds(-HostMemoryIntervals * (double)Math.Max(1, IntervalSeconds));
            foreach (var quiet in _lastHeard.Where(h => h.Value < horizon).Select(h => h.Key).ToList())
                _lastHeard.Remove(quiet);
        }

        public void Open(long index)
        {
            Index = index;
            Reports.Clear();
            Counted = false;
        }

        public void Restart(int intervalSeconds)
        {
            IntervalSeconds = intervalSeconds;
            Index = long.MinValue;
            Counted = true;
        }
    }
}
