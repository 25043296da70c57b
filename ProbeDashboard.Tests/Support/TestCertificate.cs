using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;

namespace ProbeDashboard.Tests.Support;

/// <summary>
/// A TLS certificate and its key as PEM files, made by openssl for 127.0.0.1 and localhost: self-signed, a CA, or a
/// server certificate issued by such a CA. The files live in a temp directory removed on dispose.
/// </summary>
public sealed class TestCertificate : IDisposable
{
    private const string ServerNames = "subjectAltName=IP:127.0.0.1,DNS:localhost";
    private readonly TempDirectory _directory = new();

    private TestCertificate() { }

    public string CertificateFile => Path.Combine(_directory.Path, "cert.pem");

    public string KeyFile => Path.Combine(_directory.Path, "key.pem");

    /// <param name="dnsName">The one name the certificate is for instead of 127.0.0.1 and localhost.</param>
    public static async Task<TestCertificate> SelfSignedAsync(string? dnsName = null)
    {
        var certificate = new TestCertificate();
        await certificate.OpenSslAsync("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", $"/CN={dnsName ?? "127.0.0.1"}",
            "-addext", dnsName is null ? ServerNames : $"subjectAltName=DNS:{dnsName}", "-keyout", certificate.KeyFile, "-out", certificate.CertificateFile);
        return certificate;
    }

    /// <summary>A CA certificate (openssl's default v3_ca extensions) to issue server certificates with.</summary>
    public static async Task<TestCertificate> AuthorityAsync()
    {
        var authority = new TestCertificate();
        await authority.OpenSslAsync("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=ProbeDashboard Test CA",
            "-keyout", authority.KeyFile, "-out", authority.CertificateFile);
        return authority;
    }

    /// <summary>A server certificate for 127.0.0.1 signed by this CA, valid from now for <paramref name="days"/> days.</summary>
    public async Task<TestCertificate> IssueAsync(int days = 2)
    {
        var server = new TestCertificate();
        var request = Path.Combine(server._directory.Path, "request.csr");
        var extensions = Path.Combine(server._directory.Path, "extensions.cnf");
        await File.WriteAllTextAsync(extensions, $"{ServerNames}\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n");
        await server.OpenSslAsync("req", "-new", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1", "-keyout", server.KeyFile, "-out", request);
        await server.OpenSslAsync("x509", "-req", "-in", request, "-CA", CertificateFile, "-CAkey", KeyFile, "-CAcreateserial",
            "-days", days.ToString(System.Globalization.CultureInfo.InvariantCulture), "-extfile", extensions, "-out", server.CertificateFile);
        return server;
    }

    /// <summary>The certificate with its key, as Kestrel and <c>SslStream</c> serve it (re-imported: Linux's TLS stack needs that).</summary>
    public X509Certificate2 Load()
    {
        using var pem = X509Certificate2.CreateFromPemFile(CertificateFile, KeyFile);
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pfx), null);
    }

    private async Task OpenSslAsync(params string[] args)
    {
        var start = new ProcessStartInfo("openssl") { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = _directory.Path };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"openssl {args[0]} failed: {await errors}");
    }

    public void Dispose() => _directory.Dispose();
}
