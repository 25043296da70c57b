using ProbeDashboard.Core.Results;

namespace ProbeDashboard.Core.Compat.IpLive;

/// <summary>One finished round of a group: when it began and each record's results in it.</summary>
public sealed record IpLiveRoundResult(DateTime StartedAt, IReadOnlyDictionary<int, IReadOnlyList<ProbeResult>> ByMonitor);

/// <summary>
/// Collects one group's results into rounds, driven only by arriving results (no timers). A round opens with its
/// first result and is finished when every monitor has a result from each of its hosts; it is cut short, with
/// what it has, when a result arrives that belongs to the next round: a second result from the same monitor and
/// host, or one at least an interval after the round began.
/// </summary>
public sealed class IpLiveRound(TimeSpan interval)
{
    private readonly Dictionary<int, List<ProbeResult>> _results = [];
    private DateTime? _startedAt;

    /// <param name="expectedHosts">How many hosts run each of the group's monitors now.</param>
    /// <returns>The rounds this result finished: none, one, or two (a cut-short round and, rarely, the one it opens).</returns>
    public IReadOnlyList<IpLiveRoundResult> Add(ProbeResult result, IReadOnlyDictionary<int, int> expectedHosts)
    {
        if (!expectedHosts.ContainsKey(result.MonitorId)) return [];
        var finished = new List<IpLiveRoundResult>();
        if (_startedAt is { } started && (result.Timestamp - started >= interval || Seen(result)))
            finished.Add(Close());
        _startedAt ??= result.Timestamp;
        if (!_results.TryGetValue(result.MonitorId, out var list)) _results[result.MonitorId] = list = [];
        list.Add(result);
        if (IsComplete(expectedHosts)) finished.Add(Close());
        return finished;
    }

    private bool Seen(ProbeResult result) =>
        _results.TryGetValue(result.MonitorId, out var list) && list.Any(r => r.HostId == result.HostId);

    private bool IsComplete(IReadOnlyDictionary<int, int> expectedHosts) =>
        expectedHosts.All(e => _results.TryGetValue(e.Key, out var list) && list.Select(r => r.HostId).Distinct().Count() >= e.Value);

    private IpLiveRoundResult Close()
    {
        var round = new IpLiveRoundResult(_startedAt!.Value,
            _results.ToDictionary(e => e.Key, e => (IReadOnlyList<ProbeResult>)[.. e.Value]));
        _results.Clear();
        _startedAt = null;
        return round;
    }
}
