using System.Diagnostics;
using System.Text.Json;

namespace ProbeDashboard.Bench.Cluster;

/// <summary>Runs this program again in <c>node</c> mode (as <see cref="TargetProcess"/> does for targets) and reads its report.</summary>
public static class NodeProcess
{
    public static async Task<BenchReport> RunAsync(string name, string data, string postgres, string redis, BenchOptions options)
    {
        var self = Environment.ProcessPath!;
        var info = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        // Started as "dotnet ProbeDashboard.Bench.dll": pass the assembly on.
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") info.ArgumentList.Add(typeof(NodeProcess).Assembly.Location);
        foreach (var arg in new[] { "node", name, data, postgres, redis }) info.ArgumentList.Add(arg);
        foreach (var arg in NodeArguments(options)) info.ArgumentList.Add(arg);

        using var process = Process.Start(info)!;
        BenchReport? report = null;
        string? line;
        while ((line = await process.StandardOutput.ReadLineAsync()) is not null)
        {
            if (line.StartsWith(ClusterBenchRun.ReportPrefix, StringComparison.Ordinal))
                report = JsonSerializer.Deserialize<BenchReport>(line[ClusterBenchRun.ReportPrefix.Length..]);
            else Console.WriteLine($"[{name}] {line}");
        }
        await process.WaitForExitAsync();
        return report ?? throw new InvalidOperationException($"{name} ended (exit code {process.ExitCode}) without a report");
    }

    /// <summary>What a node needs of the run's options: its schedule and window (the targets and seeding are the coordinator's).</summary>
    private static string[] NodeArguments(BenchOptions o) =>
    [
        "--monitors", o.Monitors.ToString(), "--interval", o.IntervalSeconds.ToString(), "--duration", o.DurationSeconds.ToString(),
        "--warmup", o.WarmupSeconds.ToString(), "--min-interval", o.MinIntervalSeconds.ToString(),
    ];
}
