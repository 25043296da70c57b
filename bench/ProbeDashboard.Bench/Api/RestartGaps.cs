using System.Globalization;
using ProbeDashboard.Core.Probing;

namespace ProbeDashboard.Bench.Api;

/// <summary>
/// The gap in each monitor's results across a kill and restart: its last result before the kill and its first after,
/// and for the longest few where each falls against the kill and the restart, so a gap longer than the catch-up rule
/// allows says at once which rule it escaped (the catch-up list, the phase slot, or the scheduler's misfire skip).
/// </summary>
public static class RestartGaps
{
    public sealed record Gap(long MonitorId, DateTime LastBefore, DateTime FirstAfter, int IntervalSeconds)
    {
        public double Seconds => (FirstAfter - LastBefore).TotalSeconds;

        /// <summary>
        /// The slot the monitor would have been probed at next without the kill: after a probe on its phase one interval
        /// later, after a probe made at once (its creation) 3/4 to 7/4 of an interval later (ProbeSchedule's rule).
        /// </summary>
        public DateTime NextSlot => ProbeSchedule.FirstFireAfterProbeNow((int)MonitorId, IntervalSeconds,
            new DateTimeOffset(LastBefore, TimeSpan.Zero)).UtcDateTime;

        /// <summary>How much later than that slot the first result after the restart came: the restart's own share of the gap.</summary>
        public double DelaySeconds => (FirstAfter - NextSlot).TotalSeconds;
    }

    /// <summary>
    /// Every monitor's gap across the kill at <paramref name="killedAt"/>, longest first. Results are split by their
    /// time, not their id: results of the last moments before the kill may be committed after the bench read the
    /// largest id, and counting them as "after" hides the real gap of their monitor.
    /// </summary>
    public static async Task<List<Gap>> ReadAsync(string data, long lastIdReadBeforeKill, DateTime killedAt, int intervalSeconds)
    {
        await using var connection = BenchDataDirectory.OpenReadOnly(data);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT earlier.MonitorId, earlier.Last, later.First
            FROM (SELECT MonitorId, max(Timestamp) AS Last FROM ProbeResults WHERE julianday(Timestamp) < julianday($kill) GROUP BY MonitorId) AS earlier
            JOIN (SELECT MonitorId, min(Timestamp) AS First FROM ProbeResults
                  WHERE Id > $after AND julianday(Timestamp) >= julianday($kill) GROUP BY MonitorId) AS later USING (MonitorId)
            """;
        command.Parameters.AddWithValue("$after", lastIdReadBeforeKill);
        command.Parameters.AddWithValue("$kill", killedAt.ToString("yyyy-MM-dd HH:mm:ss.fffffff", CultureInfo.InvariantCulture));
        var gaps = new List<Gap>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            gaps.Add(new Gap(reader.GetInt64(0), Utc(reader.GetString(1)), Utc(reader.GetString(2)), intervalSeconds));
        return gaps.OrderByDescending(g => g.Seconds).ToList();
    }

    /// <summary>One line per gap: where its two ends and the slot it was due at fall against the kill and the restart.</summary>
    public static string Describe(Gap gap, DateTime killedAt, DateTime restartedAt)
    {
        var onPhase = gap.NextSlot - gap.LastBefore <= TimeSpan.FromSeconds(gap.IntervalSeconds * 1.25 - 1e-3);
        return $"monitor {gap.MonitorId}: gap {gap.Seconds:F1} s, {gap.DelaySeconds:F1} s past its slot; last result " +
            $"{(killedAt - gap.LastBefore).TotalSeconds:F1} s before the kill ({(onPhase ? "on its phase" : "made at once, off its phase")}), " +
            $"next slot {(gap.NextSlot - restartedAt).TotalSeconds:F1} s and first result {(gap.FirstAfter - restartedAt).TotalSeconds:F1} s after the restart began";
    }

    private static DateTime Utc(string text) =>
        DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
