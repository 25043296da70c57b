using System.Diagnostics;
using System.Text.RegularExpressions;
using ProbeDashboard.Bench.SideBySide;

namespace ProbeDashboard.Bench.Ui;

/// <summary>
/// The real server, as an operator runs it: the ProbeDashboard executable built next to this one, in Production,
/// on a data directory the bench seeded, on a port the system picks. Its CPU and memory are read from /proc.
/// <c>PROBEDASHBOARD_BENCH_SERVER</c> names another executable to run instead, such as a published single file, to
/// compare publish settings (ReadyToRun) on the same bench.
/// </summary>
public sealed partial class DashboardProcess : IAsyncDisposable
{
    public const string AdminPassword = "bench-admin-password-1";

    private DashboardProcess(Process process, string baseUrl)
    {
        Process = process;
        BaseUrl = baseUrl;
    }

    public Process Process { get; }
    public string BaseUrl { get; }

    public static async Task<DashboardProcess> StartAsync(string data, int minIntervalSeconds, params string[] settings)
    {
        var executable = Environment.GetEnvironmentVariable("PROBEDASHBOARD_BENCH_SERVER") is { Length: > 0 } other
            ? other
            : Path.Combine(AppContext.BaseDirectory, "ProbeDashboard");
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = data,
        };
        foreach (var arg in new[]
        {
            "--urls", "http://127.0.0.1:0",
            $"--Storage:DataDirectory={data}",
            $"--Auth:AdminPassword={AdminPassword}",
            $"--Probing:ServerHostName={BenchDataDirectory.ServerHostName}",
            $"--Probing:MinIntervalSeconds={minIntervalSeconds}",
            "--Dashboard:PublicUrl=http://127.0.0.1",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information",
        }.Concat(settings))
            info.ArgumentList.Add(arg);
        var process = Process.Start(info)!;
        ChildProcesses.Track(process);
        _ = process.StandardError.ReadToEndAsync();
        string? line;
        while ((line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(3))) is not null)
        {
            if (Listening().Match(line) is { Success: true } match)
            {
                _ = DrainAsync(process.StandardOutput);
                return new DashboardProcess(process, match.Groups[1].Value);
            }
        }
        throw new InvalidOperationException("the server ended before it listened");
    }

    /// <summary>Resident memory now (VmRSS), in bytes.</summary>
    public long ResidentBytes()
    {
        var line = File.ReadLines($"/proc/{Process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
    }

    public TimeSpan CpuTime()
    {
        Process.Refresh();
        return Process.TotalProcessorTime;
    }

    public async ValueTask DisposeAsync()
    {
        ChildProcesses.Stop(Process);
        await Process.WaitForExitAsync();
        Process.Dispose();
    }

    private static async Task DrainAsync(StreamReader reader)
    {
        while (await reader.ReadLineAsync() is not null) { }
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();
}
