using ProbeDashboard.Core.Monitors;

namespace ProbeDashboard.Monitors.Heartbeat;

public static class HeartbeatRoundComparison
{
    /// <summary>Rounds are read afresh on every refresh (new objects); equal when every round shows the same.</summary>
    public static bool ShowsSameAs(this IReadOnlyList<HeartbeatRound> before, IReadOnlyList<HeartbeatRound> now)
    {
        if (ReferenceEquals(before, now)) return true;
        if (before.Count != now.Count) return false;
        for (var i = 0; i < now.Count; i++)
        {
            var (a, b) = (before[i], now[i]);
            if (a.At != b.At || a.State != b.State || a.LatencyMs != b.LatencyMs || !a.Results.SequenceEqual(b.Results)) return false;
        }
        return true;
    }
}
