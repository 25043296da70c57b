using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ProbeDashboard.Tests.Support;

public enum SmtpTestTls
{
    None,
    /// <summary>STARTTLS offered and required before MAIL (aiosmtpd's --tlscert/--tlskey).</summary>
    StartTls,
    /// <summary>TLS from the first byte, as on port 465 (aiosmtpd's --smtpscert/--smtpskey).</summary>
    Implicit,
}

/// <summary>A user the server takes mail from only after AUTH PLAIN (over TLS, as aiosmtpd offers AUTH).</summary>
public sealed record SmtpTestLogin(string User, string Password);

/// <summary>
/// A real SMTP server on 127.0.0.1: Debian's aiosmtpd storing every message as a file in a Maildir, optionally
/// speaking TLS with a given certificate and requiring a login. Stop and start it again on the same port to
/// simulate an outage. Only the process it started is ever killed.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly TempDirectory _maildir = new();
    private readonly SmtpTestTls _tls;
    private readonly TestCertificate? _certificate;
    private readonly SmtpTestLogin? _login;
    private readonly ConcurrentQueue<string> _output = new();
    private Process? _process;

    private SmtpTestServer(SmtpTestTls tls = SmtpTestTls.None, TestCertificate? certificate = null, SmtpTestLogin? login = null)
    {
        if (tls != SmtpTestTls.None && certificate is null) throw new ArgumentException("TLS needs a certificate", nameof(certificate));
        (_tls, _certificate, _login) = (tls, certificate, login);
    }

    public int Port { get; } = FreePort();

    public string MaildirNew => Path.Combine(_maildir.Path, "new");

    /// <summary>What aiosmtpd printed, for failure messages.</summary>
    public string Output => string.Join('\n', _output);

    public static async Task<SmtpTestServer> StartAsync(SmtpTestTls tls = SmtpTestTls.None, TestCertificate? certificate = null, SmtpTestLogin? login = null)
    {
        var server = new SmtpTestServer(tls, certificate, login);
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
            ArgumentList = { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}" },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (var arg in TlsArguments()) start.ArgumentList.Add(arg);
        foreach (var arg in HandlerArguments()) start.ArgumentList.Add(arg);
        if (_login is not null) start.Environment["PYTHONPATH"] = Path.Combine(AppContext.BaseDirectory, "Fixtures", "smtp");
        _process = new Process { StartInfo = start };
        // Drained as it comes: a failed TLS handshake logs a traceback, and a full pipe would stall the server.
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!await AcceptsAsync())
        {
            if (_process.HasExited)
            {
                await _process.WaitForExitAsync();
                throw new InvalidOperationException("aiosmtpd exited: " + Output);
            }
            await Task.Delay(50, cts.Token);
        }
    }

    private IEnumerable<string> TlsArguments() => _tls switch
    {
        SmtpTestTls.StartTls => ["--tlscert", _certificate!.CertificateFile, "--tlskey", _certificate.KeyFile],
        SmtpTestTls.Implicit => ["--smtpscert", _certificate!.CertificateFile, "--smtpskey", _certificate.KeyFile],
        _ => [],
    };

    private IEnumerable<string> HandlerArguments() => _login is null
        ? ["-c", "aiosmtpd.handlers.Mailbox", _maildir.Path]
        : ["-c", "login_mailbox.LoginMailbox", _maildir.Path, _login.User, _login.Password];

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
            ? Directory.GetFiles(MaildirNew).Select(f => (File.GetLastWriteTimeUtc(f), f)).Order().Select(x => Readable(File.ReadAllText(x.f))).ToList()
            : [];

    // Only the body and the headers' Q-encoded words are quoted-printable. Decoding the headers whole turned a link's
    // "token=ce…" in List-Unsubscribe into a byte (a test failed for tokens starting with two hex digits).
    private static string Readable(string raw)
    {
        var match = System.Text.RegularExpressions.Regex.Match(raw, @"\r?\n\r?\n");
        if (!match.Success) return raw;
        var headers = System.Text.RegularExpressions.Regex.Replace(raw[..match.Index], @"=\?[^?\s]+\?[qQ]\?[^?\s]*\?=", word => DecodeQuotedPrintable(word.Value));
        return headers + match.Value + DecodeQuotedPrintable(raw[(match.Index + match.Length)..]);
    }

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
