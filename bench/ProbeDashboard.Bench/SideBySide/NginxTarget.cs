using System.Diagnostics;
using System.Globalization;

namespace ProbeDashboard.Bench.SideBySide;

/// <summary>
/// Debian's nginx as the one target of both systems: its own config in a temp directory, one process
/// (<c>master_process off</c>, so its CPU is one process's), a small static page on a few 127.0.0.1 ports,
/// connections kept alive, and an access log whose lines count the probes that really arrived.
/// </summary>
public sealed class NginxTarget : IDisposable
{
    public const string Page = "/ok";

    private readonly string _directory;

    private NginxTarget(string directory, Process process, IReadOnlyList<int> ports) => (_directory, Process, Ports) = (directory, process, ports);

    public Process Process { get; }

    public IReadOnlyList<int> Ports { get; }

    private string AccessLog => Path.Combine(_directory, "access.log");

    /// <summary>Monitor i's URL: a distinct address per monitor (the query is ignored by nginx), so Prometheus keeps every target.</summary>
    public string UrlFor(int monitor) => $"http://127.0.0.1:{Ports[monitor % Ports.Count]}{Page}?m={monitor}";

    public static async Task<NginxTarget> StartAsync(string nginx, int portCount, string parent)
    {
        var directory = Directory.CreateDirectory(Path.Combine(parent, "nginx")).FullName;
        Directory.CreateDirectory(Path.Combine(directory, "www"));
        Directory.CreateDirectory(Path.Combine(directory, "temp"));
        // The same body our bench target answers: every fourth monitor checks the keyword "ok" in it.
        await File.WriteAllTextAsync(Path.Combine(directory, "www", "ok"), "service is ok\n");
        var ports = Enumerable.Range(0, portCount).Select(_ => ChildProcesses.FreePort()).Distinct().ToList();
        var config = Path.Combine(directory, "nginx.conf");
        await File.WriteAllTextAsync(config, Config(directory, ports));
        var log = Path.Combine(directory, "output.log");
        var process = ChildProcesses.Start(nginx, ["-p", directory + "/", "-c", config, "-e", Path.Combine(directory, "error.log")], log);
        foreach (var port in ports) await ChildProcesses.WaitListeningAsync(process, port, "nginx", log);
        return new NginxTarget(directory, process, ports);
    }

    private static string Config(string directory, IReadOnlyList<int> ports) => $$"""
        daemon off;
        master_process off;
        worker_processes 1;
        pid {{directory}}/nginx.pid;
        error_log {{directory}}/error.log warn;
        worker_rlimit_nofile 65536;
        events { worker_connections 16384; }
        http {
            log_format bench '$status $connection $connection_requests';
            access_log {{directory}}/access.log bench buffer=64k flush=1s;
            client_body_temp_path {{directory}}/temp;
            proxy_temp_path {{directory}}/temp;
            keepalive_timeout 120s;
            keepalive_requests 1000000;
            default_type text/plain;
            open_file_cache max=16;
            server {
        {{string.Join(Environment.NewLine, ports.Select(p => $"        listen 127.0.0.1:{p};"))}}
                root {{directory}}/www;
            }
        }
        """;

    /// <summary>Where the access log ends now (nginx flushes it at least once a second).</summary>
    public long LogEnd() => File.Exists(AccessLog) ? new FileInfo(AccessLog).Length : 0;

    /// <summary>
    /// Requests logged since <paramref name="from"/> (a <see cref="LogEnd"/>): how many, how many on a new connection
    /// (keep-alive at work or not), and how many not answered 200 (a wrong page would make one system's probes cheaper).
    /// </summary>
    public NginxTraffic TrafficSince(long from)
    {
        using var stream = new FileStream(AccessLog, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16);
        stream.Seek(from, SeekOrigin.Begin);
        using var reader = new StreamReader(stream);
        long requests = 0, newConnections = 0, notOk = 0;
        // Lines are "status connection connection_requests" (log_format bench).
        while (reader.ReadLine() is { } line)
        {
            var fields = line.Split(' ');
            if (fields.Length < 3) continue;
            requests++;
            if (fields[0] != "200") notOk++;
            if (fields[2] == "1") newConnections++;
        }
        return new NginxTraffic(requests, newConnections, notOk);
    }

    public void Dispose()
    {
        ChildProcesses.Stop(Process);
        Process.Dispose();
    }

    public override string ToString() => string.Join(", ", Ports.Select(p => p.ToString(CultureInfo.InvariantCulture)));
}

/// <summary>What nginx logged in a window.</summary>
public sealed record NginxTraffic(long Requests, long NewConnections, long NotOk);
