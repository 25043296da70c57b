using System.Collections.Concurrent;
using System.Diagnostics;

namespace ProbeDashboard.Tests.Support;

/// <summary>
/// The built ProbeDashboard binary as a child process (server or agent mode), with its output kept for assertions
/// and failure messages. Stopped by its own PID only.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly ConcurrentQueue<string> _stdout = new();

    private AppProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public IReadOnlyList<string> Output => [.. _output];

    public string OutputText => string.Join('\n', _output);

    /// <summary>Standard output alone (<see cref="Output"/> interleaves it with standard error).</summary>
    public string StandardOutputText => string.Join('\n', _stdout);

    /// <summary>The apphost next to the test assembly (the test project references the app), else the app's own build output.</summary>
    public static string BinaryPath()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "ProbeDashboard");
        if (File.Exists(beside)) return beside;
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Dashboard.sln"))) dir = dir.Parent;
        var built = dir is null ? null : Directory.GetFiles(Path.Combine(dir.FullName, "ProbeDashboard", "bin"), "ProbeDashboard", SearchOption.AllDirectories).FirstOrDefault();
        return built ?? throw new FileNotFoundException("The ProbeDashboard binary was not built.");
    }

    /// <param name="standardInput">Written to the process's stdin, which is then closed; null leaves stdin alone.</param>
    /// <param name="binary">Another copy of the executable (e.g. the published single file); the build's by default.</param>
    /// <param name="workingDirectory">The temp folder by default.</param>
    public static AppProcess Start(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null, string? standardInput = null,
        string? binary = null, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(binary ?? BinaryPath())
        {
            RedirectStandardInput = standardInput is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
        };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) info.Environment[key] = value;
        var process = new Process { StartInfo = info };
        var app = new AppProcess(process);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            app._output.Enqueue(e.Data);
            app._stdout.Enqueue(e.Data);
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) app._output.Enqueue(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (standardInput is not null)
        {
            process.StandardInput.Write(standardInput);
            process.StandardInput.Close();
        }
        return app;
    }

    /// <summary>SIGKILL: the harshest stop, nothing gets to flush or say goodbye.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited) _process.Kill();
        await _process.WaitForExitAsync();
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    /// <summary>
    /// Arguments that make a server bind a port the system picks (port 0), so no test races another for a port it
    /// chose earlier; <see cref="ListeningUrlAsync"/> reads which one it got.
    /// </summary>
    public static readonly string[] AnyLocalPort =
        ["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information"];

    /// <summary>The address Kestrel reports in its "Now listening on" line, once the server is listening.</summary>
    public async Task<string> ListeningUrlAsync(TimeSpan timeout)
    {
        const string marker = "Now listening on: ";
        await Eventually.TrueAsync(() => _process.HasExited || Output.Any(l => l.Contains(marker)), "the server to listen", (int)timeout.TotalMilliseconds);
        var line = Output.FirstOrDefault(l => l.Contains(marker)) ?? throw new InvalidOperationException($"The server exited before listening:\n{OutputText}");
        return line[(line.IndexOf(marker, StringComparison.Ordinal) + marker.Length)..].Trim();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
        EfWarningRecorder.AssertNoneIn(_output);
    }
}
