using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace ProbeDashboard.Bench.Profile;

/// <summary>
/// <c>--profile</c>: a <c>dotnet-trace</c> (sampled thread time) of this process over the measured window, plus each
/// thread's CPU time from /proc, turned into the CPU per probe round and its split by stage. The sampler itself
/// costs CPU (it walks every thread's stack each millisecond), so a profiled run's CPU figure is higher than a plain
/// run's: read the shares, and take the absolute CPU from a run without <c>--profile</c>.
/// </summary>
public sealed class BenchProfile : IAsyncDisposable
{
    private readonly Process _tracer;
    private readonly string _directory;
    private readonly ThreadCpu _threadsBefore;
    private ThreadCpu? _threadsAfter;

    private BenchProfile(Process tracer, string directory, ThreadCpu threadsBefore) => (_tracer, _directory, _threadsBefore) = (tracer, directory, threadsBefore);

    private string Trace => Path.Combine(_directory, "bench.nettrace");

    private string Speedscope => Path.Combine(_directory, "bench.speedscope.json");

    public static async Task<BenchProfile> StartAsync(int seconds)
    {
        var directory = Directory.CreateTempSubdirectory("probedashboard-bench-profile-").FullName;
        var (file, prefix, workingDirectory) = LocateDotnetTrace();
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        if (workingDirectory is not null) info.WorkingDirectory = workingDirectory;
        foreach (var argument in prefix.Concat(["collect", "-p", Environment.ProcessId.ToString(CultureInfo.InvariantCulture),
            "--profile", "dotnet-sampled-thread-time", "--duration", TimeSpan.FromSeconds(seconds).ToString(@"dd\:hh\:mm\:ss", CultureInfo.InvariantCulture),
            "--format", "Speedscope", "-o", Path.Combine(directory, "bench.nettrace")]))
            info.ArgumentList.Add(argument);
        var tracer = Process.Start(info) ?? throw new InvalidOperationException("dotnet-trace did not start");
        var output = new StringBuilder();
        tracer.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        tracer.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        tracer.BeginOutputReadLine();
        tracer.BeginErrorReadLine();
        // The session is on once the trace file exists.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!File.Exists(Path.Combine(directory, "bench.nettrace")))
        {
            if (tracer.HasExited || DateTime.UtcNow > deadline)
                throw new InvalidOperationException("dotnet-trace did not start tracing: " + output);
            await Task.Delay(50);
        }
        Console.WriteLine($"Profiling the measured window into {directory}");
        return new BenchProfile(tracer, directory, ThreadCpu.Read());
    }

    /// <summary>Marks the end of the measured window (per-thread CPU is read here).</summary>
    public void WindowEnded() => _threadsAfter = ThreadCpu.Read();

    /// <summary>Waits for dotnet-trace to finish and convert, then describes the window: CPU per round, by thread group and by stage.</summary>
    public async Task<string> SummarizeAsync(double cpuSeconds, long rounds)
    {
        await _tracer.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(10));
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        var perRound = rounds > 0 ? cpuSeconds * 1000 / rounds : 0;
        text.AppendLine(string.Create(c, $"CPU per probe round: {perRound:F3} ms ({cpuSeconds:F1} s of CPU for {rounds} rounds; profiled, so the sampler's cost is in it)"));

        var threads = (_threadsAfter ?? ThreadCpu.Read()).Since(_threadsBefore);
        text.AppendLine("| thread group | CPU s | share of process CPU | ms per round |");
        text.AppendLine("|---|---|---|---|");
        foreach (var (group, seconds) in threads.Take(12))
            text.AppendLine(string.Create(c, $"| {group} | {seconds:F1} | {seconds / cpuSeconds * 100:F1} % | {(rounds > 0 ? seconds * 1000 / rounds : 0):F3} |"));
        var gcSeconds = threads.Where(t => ThreadCpu.IsGc(t.Group)).Sum(t => t.Seconds);

        if (!File.Exists(Speedscope))
        {
            text.AppendLine("(no speedscope file: dotnet-trace did not convert the trace; it is in " + Trace + ")");
            return text.ToString();
        }
        // Managed samples on CPU split what the GC threads did not use.
        text.AppendLine();
        text.Append(StageTable(Speedscope, rounds > 0 ? (cpuSeconds - gcSeconds) * 1000 / rounds : 0));
        text.AppendLine(string.Create(c, $"| GC (server and background GC threads, from /proc) | {gcSeconds / cpuSeconds * 100:F1} % of process CPU | {(rounds > 0 ? gcSeconds * 1000 / rounds : 0):F3} |"));
        text.Append("Trace and speedscope file kept in " + _directory);
        return text.ToString();
    }

    /// <summary>The stages' shares of a speedscope file's on-CPU samples, and their ms per round when that is known (not 0).</summary>
    public static string StageTable(string speedscope, double managedMsPerRound)
    {
        var c = CultureInfo.InvariantCulture;
        var stages = SpeedscopeStages.Sum(speedscope);
        var sampled = stages.Values.Sum();
        var text = new StringBuilder();
        text.AppendLine(string.Create(c, $"| stage | share of managed on-CPU samples | ms per round (of the {managedMsPerRound:F3} ms outside GC threads) |"));
        text.AppendLine("|---|---|---|");
        foreach (var (stage, ms) in stages.OrderByDescending(s => s.Value))
            text.AppendLine(string.Create(c, $"| {stage} | {ms / sampled * 100:F1} % | {(managedMsPerRound > 0 ? (ms / sampled * managedMsPerRound).ToString("F3", c) : "-")} |"));
        return text.ToString();
    }

    /// <summary>dotnet-trace on the PATH or installed as a global tool, else the repository's local tool (dotnet tool restore).</summary>
    private static (string File, string[] Prefix, string? WorkingDirectory) LocateDotnetTrace()
    {
        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Append(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools"))
            .Select(d => Path.Combine(d, "dotnet-trace"));
        if (candidates.FirstOrDefault(File.Exists) is { } found) return (found, [], null);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, ".config", "dotnet-tools.json"))) return ("dotnet", ["tool", "run", "dotnet-trace"], dir.FullName);
        throw new InvalidOperationException("dotnet-trace not found: run 'dotnet tool restore' in the repository");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_tracer.HasExited)
        {
            _tracer.Kill();
            await _tracer.WaitForExitAsync();
        }
        _tracer.Dispose();
    }
}
