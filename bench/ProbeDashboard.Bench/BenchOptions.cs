using System.Globalization;

namespace ProbeDashboard.Bench;

/// <summary>Command line: <c>--monitors M --interval I --duration T [--warmup W] [--ports P] [--min-interval N] [--delay-ms D] [--keep-data]</c>.</summary>
public sealed record BenchOptions(int Monitors, int IntervalSeconds, int DurationSeconds, int WarmupSeconds, int Ports, int MinIntervalSeconds, int DelayMs, bool KeepData)
{
    public static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var flags = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"unexpected argument '{args[i]}'");
            if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal)) values[args[i][2..]] = args[++i];
            else flags.Add(args[i][2..]);
        }
        int Get(string name, int fallback) =>
            values.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

        var interval = Get("interval", 30);
        return new BenchOptions(
            Monitors: Get("monitors", 1000),
            IntervalSeconds: interval,
            DurationSeconds: Get("duration", 90),
            WarmupSeconds: Get("warmup", interval),
            Ports: Get("ports", 4),
            MinIntervalSeconds: Get("min-interval", Math.Min(interval, 5)),
            DelayMs: Get("delay-ms", 0),
            KeepData: flags.Contains("keep-data"));
    }

    public double ExpectedProbesPerSecond => (double)Monitors / IntervalSeconds;
}
