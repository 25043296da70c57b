using System.Globalization;

namespace ProbeDashboard.Bench;

/// <summary>
/// Command line: <c>--monitors M --interval I --duration T [--warmup W] [--ports P] [--min-interval N] [--delay-ms D]
/// [--keep-data] [--provider Sqlite|PostgreSQL] [--nodes N] [--profile]</c>.
/// </summary>
public sealed record BenchOptions(int Monitors, int IntervalSeconds, int DurationSeconds, int WarmupSeconds, int Ports, int MinIntervalSeconds, int DelayMs, bool KeepData)
{
    /// <summary><c>Sqlite</c> (a temp data directory) or <c>PostgreSQL</c> (a throwaway server from scripts/start-postgres.sh).</summary>
    public string Provider { get; init; } = "Sqlite";

    /// <summary>Server nodes sharing the probing (PostgreSQL and a throwaway redis-server); more than 1 means PostgreSQL.</summary>
    public int Nodes { get; init; } = 1;

    /// <summary>Trace the measured window with dotnet-trace and print the CPU by stage (Profile/BenchProfile.cs).</summary>
    public bool Profile { get; init; }

    public bool OnPostgres => Nodes > 1 || string.Equals(Provider, "PostgreSQL", StringComparison.OrdinalIgnoreCase);

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
            KeepData: flags.Contains("keep-data"))
        {
            Provider = values.GetValueOrDefault("provider", "Sqlite") is var provider && provider.Equals("sqlite", StringComparison.OrdinalIgnoreCase) || provider.Equals("postgresql", StringComparison.OrdinalIgnoreCase)
                ? provider
                : throw new ArgumentException($"--provider must be Sqlite or PostgreSQL, not '{provider}'"),
            Nodes = Get("nodes", 1) is var nodes and >= 1 ? nodes : throw new ArgumentException("--nodes must be at least 1"),
            Profile = flags.Contains("profile"),
        };
    }

    public double ExpectedProbesPerSecond => (double)Monitors / IntervalSeconds;
}
