using System.Globalization;

namespace ProbeDashboard.Bench;

/// <summary>What one run measured.</summary>
public sealed class BenchReport
{
    public double ProbesPerSecond { get; set; }
    /// <summary>Rows added to ProbeResults during the window ÷ its length: what the storage took in (all nodes').</summary>
    public double CommittedPerSecond { get; set; }
    public TimeSpan LatenessP50 { get; set; }
    public TimeSpan LatenessP99 { get; set; }
    public TimeSpan LatenessMax { get; set; }
    /// <summary>Average CPU of the pipeline process, in cores (1.0 = one core busy all the time).</summary>
    public double CpuCores { get; set; }
    public double TargetCpuCores { get; set; }
    public long PeakRssBytes { get; set; }
    /// <summary>Largest RSS sampled during the measured window (the run peak also holds seeding the monitors).</summary>
    public long WindowPeakRssBytes { get; set; }
    public long Started { get; set; }
    public long Stored { get; set; }
    public long Failed { get; set; }
    public long SkippedOverlapping { get; set; }
    /// <summary>Write transactions the result writer committed during the window, and their mean time.</summary>
    public double CommitsPerSecond { get; set; }
    public TimeSpan MeanCommitTime { get; set; }
    /// <summary>Most rounds in flight at a once-a-second sample.</summary>
    public int PeakInFlight { get; set; }

    public long Lost => Started - Stored;
    /// <summary>Bus messages dropped because a consumer (the alert engine) fell behind: missed evaluations.</summary>
    public long BusDropped { get; set; }

    /// <summary>The measured window's CPU by stage, when the run was profiled (<c>--profile</c>).</summary>
    public string? Profile { get; set; }

    public void Print(BenchOptions options)
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine(string.Create(c, $"monitors {options.Monitors}, interval {options.IntervalSeconds}s, measured {options.DurationSeconds}s after {options.WarmupSeconds}s warm-up, {Environment.ProcessorCount} cores"));
        Console.WriteLine(string.Create(c, $"probes/s        {ProbesPerSecond:F1} achieved vs {options.ExpectedProbesPerSecond:F1} expected"));
        Console.WriteLine(string.Create(c, $"committed/s     {CommittedPerSecond:F1} results stored per second during the window ({(options.OnPostgres ? "PostgreSQL" : "SQLite")})"));
        if (CommitsPerSecond > 0)
            Console.WriteLine(string.Create(c, $"commits/s       {CommitsPerSecond:F1} write transactions, {CommittedPerSecond / CommitsPerSecond:F0} results each, {MeanCommitTime.TotalMilliseconds:F1} ms each"));
        Console.WriteLine(string.Create(c, $"start lateness  p50 {LatenessP50.TotalMilliseconds:F0} ms, p99 {LatenessP99.TotalMilliseconds:F0} ms, max {LatenessMax.TotalMilliseconds:F0} ms"));
        Console.WriteLine(string.Create(c, $"CPU             {CpuCores * 100:F1}% of one core, {CpuCores * 1000 / ProbesPerSecond:F3} ms per probe (targets: {TargetCpuCores * 100:F1}%)"));
        Console.WriteLine(string.Create(c, $"peak RSS        {PeakRssBytes / 1024.0 / 1024.0:F0} MB"));
        Console.WriteLine(string.Create(c, $"results         {Started} probes started, {Stored} stored ({Failed} failed probes), lost {Lost}, skipped (overlap) {SkippedOverlapping}, bus messages dropped {BusDropped}"));
        Console.WriteLine(string.Create(c, $"in flight       up to {PeakInFlight} rounds at once (sampled each second); target delay {options.DelayMs} ms"));
        if (Profile is not null) Console.WriteLine(Environment.NewLine + Profile);
        Console.WriteLine();
        Console.WriteLine(string.Create(c,
            $"| {options.Monitors:N0} | {options.IntervalSeconds} s | {options.DurationSeconds} s | {ProbesPerSecond:F1} / {options.ExpectedProbesPerSecond:F1} | {LatenessP50.TotalMilliseconds:F0} / {LatenessP99.TotalMilliseconds:F0} / {LatenessMax.TotalMilliseconds:F0} ms | {CpuCores * 100:F0}% | {PeakRssBytes / 1024.0 / 1024.0:F0} MB | {Lost} |"));
    }
}
