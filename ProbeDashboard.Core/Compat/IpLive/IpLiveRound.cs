using ProbeDashboard.Core.Results;

namespace ProbeDashboard.Core.Compat.IpLive;

/// <summary>One finished round of a group: when it began and each record's results in it.</summary>
public sealed record IpLiveRoundResult(DateTime StartedAt, IReadOnlyDictionary<int, IReadOnlyList<ProbeResult>> ByMonitor);

/// <summary>
/// Collects one group's results into rounds, driven only by arriving results (no timers). A round spans one interval
/// from its earliest result and is finished when every monitor has a result from each of its hosts.
/// <para>
/// Results do not arrive in timestamp order: each node commits its own in batches and its peers' cross over Redis,
/// and the group's monitors are phased over the whole interval, so the last record of a round and the first of the
/// next are often probed on different nodes a few milliseconds apart. A result that belongs to a later round (at
/// least an interval after the round began, or a second one from the same monitor and host) is therefore held for
/// the next round instead of closing this one. The round is cut short, with what it has, only when the next round is
/// complete, or when a result arrives so far on that a straggler of this round would have arrived by then: an interval
/// (at most 10 s) past this round's end, or a third result from one monitor and host. A partial round is thus
/// reported that much later than a whole one, which is reported as soon as its last result is in.
/// </para>
/// </summary>
public sealed class IpLiveRound(TimeSpan interval)
{
    /// <summary>
    /// How late a peer's result may arrive and still count in its round: an interval, at most 10 s. (More than an
    /// interval would change nothing: a result for the round after the next closes this one anyway.)
    /// </summary>
    private readonly TimeSpan _lateness = TimeSpan.FromTicks(Math.Min(interval.Ticks, TimeSpan.FromSeconds(10).Ticks));
    private Collecting _current = new();
    private Collecting _next = new();

    /// <param name="expectedHosts">How many hosts run each of the group's monitors now.</param>
    /// <returns>The rounds this result finished, oldest first: none, one, or (when it also cut one short) more.</returns>
    public IReadOnlyList<IpLiveRoundResult> Add(ProbeResult result, IReadOnlyDictionary<int, int> expectedHosts)
    {
        if (!expectedHosts.ContainsKey(result.MonitorId)) return [];
        var finished = new List<IpLiveRoundResult>();
        while (!Place(result, expectedHosts, finished)) CutCurrent(expectedHosts, finished);
        return finished;
    }

    /// <summary>Puts the result in the current or the next round; false when it belongs beyond both.</summary>
    private bool Place(ProbeResult result, IReadOnlyDictionary<int, int> expectedHosts, List<IpLiveRoundResult> finished)
    {
        if (_current.Accepts(result, interval))
        {
            _current.Add(result);
            if (_current.IsComplete(expectedHosts)) CutCurrent(expectedHosts, finished);
            return true;
        }
        // Older than the round being collected, which already has this monitor and host: a straggler of a round
        // already reported (an agent draining its spool, say). It belongs to no round still open.
        if (result.Timestamp < _current.StartedAt) return true;
        if (result.Timestamp - _current.StartedAt >= interval + _lateness || !_next.Accepts(result, interval)) return false;
        _next.Add(result);
        if (_next.IsComplete(expectedHosts)) CutCurrent(expectedHosts, finished);
        return true;
    }

    /// <summary>Closes the current round with what it has; the next one becomes current (and closes too if whole).</summary>
    private void CutCurrent(IReadOnlyDictionary<int, int> expectedHosts, List<IpLiveRoundResult> finished)
    {
        if (!_current.IsEmpty) finished.Add(_current.Close());
        (_current, _next) = (_next, _current);
        if (!_current.IsEmpty && _current.IsComplete(expectedHosts)) CutCurrent(expectedHosts, finished);
    }

    /// <summary>The results of one round being collected.</summary>
    private sealed class Collecting
    {
        private readonly Dictionary<int, List<ProbeResult>> _results = [];

        public DateTime StartedAt { get; private set; } = DateTime.MaxValue;
        public bool IsEmpty => _results.Count == 0;

        /// <summary>Within an interval of the round's start, and not a second result from the same monitor and host.</summary>
        public bool Accepts(ProbeResult result, TimeSpan interval) =>
            IsEmpty || (result.Timestamp - StartedAt < interval
                        && !(_results.TryGetValue(result.MonitorId, out var list) && list.Any(r => r.HostId == result.HostId)));

        public void Add(ProbeResult result)
        {
            if (!_results.TryGetValue(result.MonitorId, out var list)) _results[result.MonitorId] = list = [];
            list.Add(result);
            if (result.Timestamp < StartedAt) StartedAt = result.Timestamp;
        }

        public bool IsComplete(IReadOnlyDictionary<int, int> expectedHosts) =>
            expectedHosts.All(e => _results.TryGetValue(e.Key, out var list) && list.Select(r => r.HostId).Distinct().Count() >= e.Value);

        public IpLiveRoundResult Close()
        {
            var round = new IpLiveRoundResult(StartedAt, _results.ToDictionary(e => e.Key, e => (IReadOnlyList<ProbeResult>)[.. e.Value]));
            _results.Clear();
            StartedAt = DateTime.MaxValue;
            return round;
        }
    }
}
