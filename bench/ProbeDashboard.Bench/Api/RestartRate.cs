using System.Globalization;

namespace ProbeDashboard.Bench.Api;

/// <summary>
/// Probes started per second after a restart, counted by each result's own time (when its probe ran), not by when the
/// bench saw it committed: a writer catching up commits several seconds of results at once, which is not a burst on the
/// targets. The peak second against the steady rate is what "no burst" is about.
/// </summary>
public static class RestartRate
{
    public sealed record Second(DateTime At, long Probes);

    /// <summary>Results with an id above <paramref name="after"/> counted per whole second of their time, in time order.</summary>
    public static async Task<List<Second>> ReadAsync(string data, long after)
    {
        await using var connection = BenchDataDirectory.OpenReadOnly(data);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT strftime('%Y-%m-%d %H:%M:%S', Timestamp) AS second, count(*) FROM ProbeResults
            WHERE Id > $after GROUP BY second ORDER BY second
            """;
        command.Parameters.AddWithValue("$after", after);
        var seconds = new List<Second>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            seconds.Add(new Second(DateTime.SpecifyKind(DateTime.ParseExact(reader.GetString(0), "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), DateTimeKind.Utc),
                reader.GetInt64(1)));
        return seconds;
    }

    /// <summary>The seconds from the first result after the restart: the peak, and the first <paramref name="shown"/> as a timeline.</summary>
    public static string Describe(IReadOnlyList<Second> seconds, DateTime restartedAt, double steadyPerSecond, int shown = 20)
    {
        if (seconds.Count == 0) return "no results after the restart";
        var peak = seconds.MaxBy(s => s.Probes)!;
        var timeline = string.Join(' ', seconds.Take(shown).Select(s => s.Probes));
        return string.Create(CultureInfo.InvariantCulture,
            $"probes started per second (by their own time): peak {peak.Probes} at {(peak.At - restartedAt).TotalSeconds:F0} s after the restart began " +
            $"({peak.Probes / steadyPerSecond:F1} × the steady {steadyPerSecond:F0}/s); first {Math.Min(shown, seconds.Count)} s from " +
            $"{(seconds[0].At - restartedAt).TotalSeconds:F0} s: {timeline}");
    }
}
