using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;

namespace ProbeDashboard.Tests.Support;

/// <summary>
/// A real DNS server for DNS monitors: Debian's dnsmasq on a free 127.0.0.1 port, answering only from its own hosts
/// file and records (every address 127.x), never forwarding anything, over UDP and TCP.
/// </summary>
public sealed class DnsmasqServer : IAsyncDisposable
{
    public const string Binary = "/usr/sbin/dnsmasq";

    private readonly TempDirectory _directory = new();
    private readonly ConcurrentQueue<string> _output = new();
    private readonly Process _process;

    private DnsmasqServer(IEnumerable<string> records)
    {
        var hosts = Path.Combine(_directory.Path, "hosts");
        File.WriteAllLines(hosts, ["127.0.0.10 web.probe.test", "127.0.0.11 web.probe.test", "127.0.0.20 mx1.probe.test"]);
        var start = new ProcessStartInfo(Binary)
        {
            ArgumentList =
            {
                "--keep-in-foreground", "--conf-file=/dev/null", "--no-resolv", "--no-hosts", "--no-poll", $"--addn-hosts={hosts}",
                "--listen-address=127.0.0.1", "--bind-interfaces", $"--port={Port}", "--pid-file=", "--user=root", "--log-facility=-",
                "--local=/probe.test/",
            },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (var record in records) start.ArgumentList.Add(record);
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
    }

    public int Port { get; } = TargetServer.ClosedPort();

    /// <summary>The resolver setting of a DNS monitor that asks this server.</summary>
    public string Resolver => $"127.0.0.1:{Port}";

    public string Output => string.Join('\n', _output);

    /// <summary>
    /// Starts with: A records of web.probe.test (127.0.0.10 and .11) and mx1.probe.test, a CNAME alias.probe.test,
    /// MX and TXT records of probe.test; anything else under probe.test is NXDOMAIN.
    /// </summary>
    public static async Task<DnsmasqServer> StartAsync()
    {
        var server = new DnsmasqServer([
            "--cname=alias.probe.test,web.probe.test",
            "--mx-host=probe.test,mx1.probe.test,10",
            "--txt-record=probe.test,v=spf1 -all",
        ]);
        server._process.Start();
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!await server.AcceptsAsync())
        {
            if (server._process.HasExited) throw new InvalidOperationException("dnsmasq exited: " + server.Output);
            await Task.Delay(50, cts.Token);
        }
        return server;
    }

    private async Task<bool> AcceptsAsync()
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _directory.Dispose();
    }
}
