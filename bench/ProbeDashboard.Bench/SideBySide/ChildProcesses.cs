using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace ProbeDashboard.Bench.SideBySide;

/// <summary>
/// The bench's own processes (nginx, blackbox_exporter, prometheus, the dashboard servers it starts): each started or
/// tracked here is killed by its PID when the run ends, fails, or is interrupted (Ctrl-C, SIGTERM), so none outlives
/// the bench and loads the machine under the next measurement.
/// </summary>
public static class ChildProcesses
{
    private static readonly List<Process> Started = [];

    // With only the two handlers below, `kill PID` (SIGTERM) ended the bench and left its servers running (seen, not
    // explained); this registration kills them before the runtime handles the signal.
    private static readonly PosixSignalRegistration OnTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => KillAll());

    static ChildProcesses()
    {
        Console.CancelKeyPress += (_, _) => KillAll();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
    }

    /// <summary>Starts <paramref name="file"/> with its output appended to <paramref name="log"/> (read it when it fails).</summary>
    public static Process Start(string file, IEnumerable<string> arguments, string log)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        var process = Process.Start(info) ?? throw new InvalidOperationException($"{file} did not start");
        lock (Started) Started.Add(process);
        var writer = TextWriter.Synchronized(new StreamWriter(log, append: true) { AutoFlush = true });
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) writer.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) writer.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Kills <paramref name="process"/>, started elsewhere, with the others if the bench is stopped before it is.</summary>
    public static void Track(Process process)
    {
        lock (Started) Started.Add(process);
    }

    /// <summary>Kills one started process and its children (by their PIDs) and waits for it.</summary>
    public static void Stop(Process process)
    {
        try
        {
            // The whole tree: nginx's workers and anything a server started go with their parent.
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        lock (Started) Started.Remove(process);
    }

    public static void KillAll()
    {
        Process[] all;
        lock (Started) all = [.. Started];
        foreach (var process in all) Stop(process);
    }

    /// <summary>Waits until something accepts connections on 127.0.0.1:<paramref name="port"/>, or the process died.</summary>
    public static async Task WaitListeningAsync(Process process, int port, string what, string log)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(100);
            }
            catch (SocketException)
            {
                throw new InvalidOperationException($"{what} did not listen on 127.0.0.1:{port}; its output: {(File.Exists(log) ? File.ReadAllText(log) : "(none)")}");
            }
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The first of <paramref name="candidates"/> that exists, or null.</summary>
    public static string? Find(params string[] candidates) => candidates.FirstOrDefault(File.Exists);
}
