using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ProbeDashboard.TestEngines;

/// <summary>A real redis-server (Debian's) on a free 127.0.0.1 port, nothing saved; stopped by its own PID.</summary>
public sealed class RedisServer : IAsyncDisposable
{
    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(20);
    private readonly Process _process;

    private RedisServer(Process process, int port) => (_process, Port) = (process, port);

    public int Port { get; }

    /// <summary>The StackExchange.Redis configuration string for it (<c>Cluster:Redis</c>).</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    public static Task<RedisServer> StartAsync() => StartAsync(FreePort());

    /// <summary>On a given port: also to start Redis again where a stopped one was, as after an outage.</summary>
    public static async Task<RedisServer> StartAsync(int port)
    {
        var info = new ProcessStartInfo("redis-server") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "--bind", "127.0.0.1", "--port", port.ToString(), "--save", "", "--appendonly", "no" }) info.ArgumentList.Add(arg);
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        var waited = Stopwatch.StartNew();
        while (!Answers(port))
        {
            if (process.HasExited || waited.Elapsed > StartPatience)
            {
                if (!process.HasExited) process.Kill();
                process.Dispose();
                throw new InvalidOperationException($"redis-server did not listen on 127.0.0.1:{port} within {StartPatience.TotalSeconds} s");
            }
            await Task.Delay(100);   // polling for the port to open, not a timing assumption
        }
        return new RedisServer(process, port);
    }

    private static bool Answers(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
