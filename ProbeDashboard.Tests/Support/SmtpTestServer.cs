using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ProbeDashboard.Tests.Support;

/// <summary>
/// A real SMTP server on 127.0.0.1: Debian's aiosmtpd storing every message as a file in a Maildir.
/// Stop and start it again on the same port to simulate an outage. Only the process it started is ever killed.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly TempDirectory _maildir = new();
    private Process? _process;

    public int Port { get; } = FreePort();

    public string MaildirNew => Path.Combine(_maildir.Path, "new");

    public static async Task<SmtpTestServer> StartAsync()
    {
        var server = new SmtpTestServer();
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>A port nobody listens on yet: the server is "down" until <see cref="StartAgainAsync"/>.</summary>
    public static SmtpTestServer NotStarted() => new();

    public async Task StartAgainAsync()
    {
        if (_process is not null) throw new InvalidOperationException("already running");
        // The Maildir handler expects an existing directory to be a complete Maildir already.
        foreach (var sub in new[] { "tmp", "new", "cur" }) Directory.CreateDirectory(Path.Combine(_maildir.Path, sub));
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            ArgumentList = { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", _maildir.Path },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        _process = Process.Start(start)!;
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!await AcceptsAsync())
        {
            if (_process.HasExited) throw new InvalidOperationException("aiosmtpd exited: " + await _process.StandardError.ReadToEndAsync());
            await Task.Delay(50, cts.Token);
        }
    }

    public async Task StopAsync()
    {
        if (_process is null) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    /// <summary>The messages received so far, oldest first, with quoted-printable parts decoded for reading.</summary>
    public IReadOnlyList<string> Messages() =>
        Directory.Exists(MaildirNew)
            ? Directory.GetFiles(MaildirNew).Select(f => (File.GetLastWriteTimeUtc(f), f)).Order().Select(x => DecodeQuotedPrintable(File.ReadAllText(x.f))).ToList()
            : [];

    private static string DecodeQuotedPrintable(string raw)
    {
        var text = raw.Replace("=\r\n", "").Replace("=\n", "");
        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '=' && i + 2 < text.Length && Uri.IsHexDigit(text[i + 1]) && Uri.IsHexDigit(text[i + 2]))
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else bytes.AddRange(System.Text.Encoding.UTF8.GetBytes(text[i].ToString()));
        }
        return System.Text.Encoding.UTF8.GetString(bytes.ToArray());
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _maildir.Dispose();
    }

    private async Task<bool> AcceptsAsync()
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
