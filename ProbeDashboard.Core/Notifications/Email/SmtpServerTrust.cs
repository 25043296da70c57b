using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ProbeDashboard.Core.Notifications.Email;

/// <summary>
/// Decides whether the SMTP server's TLS certificate is trusted, for one connection: by the system's roots as
/// usual, or by the certificates of Smtp:TrustedCertificateFile (a private CA as the chain's root, or the server's
/// own certificate). Validation is never switched off: the host name must match either way, and the reason for a
/// refusal is kept for the delivery error.
/// </summary>
public sealed class SmtpServerTrust(string host, X509Certificate2Collection trusted, DateTime nowUtc)
{
    /// <summary>Why the server's certificate was refused, or null when none was.</summary>
    public string? Refusal { get; private set; }

    public static SmtpServerTrust For(SmtpOptions smtp, DateTime nowUtc) =>
        new(smtp.Host ?? "", string.IsNullOrEmpty(smtp.TrustedCertificateFile) ? [] : Load(smtp.TrustedCertificateFile), nowUtc);

    /// <summary>Every certificate in a PEM file; private keys and other blocks in it are ignored.</summary>
    public static X509Certificate2Collection Load(string pemFile)
    {
        var certificates = new X509Certificate2Collection();
        certificates.ImportFromPemFile(pemFile);
        return certificates;
    }

    /// <summary>A <see cref="RemoteCertificateValidationCallback"/>.</summary>
    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        Refusal = Check(certificate, chain, errors);
        return Refusal is null;
    }

    private string? Check(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None) return null;
        if (certificate is null) return "the SMTP server sent no TLS certificate";
        var server = certificate as X509Certificate2 ?? new X509Certificate2(certificate);
        var described = $"the SMTP server's certificate ({server.Subject}, SHA-256 {server.GetCertHashString(HashAlgorithmName.SHA256)})";
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
            return $"{described} is not valid for the host name {host}";
        if (trusted.Count == 0)
            return $"{described} is not trusted ({Describe(chain?.ChainStatus)}); add its CA or the certificate itself to Smtp:TrustedCertificateFile";
        if (IsConfigured(server)) return null;
        var problems = ChainToConfiguredRoot(server, chain);
        return problems is null ? null : $"{described} is not trusted by Smtp:TrustedCertificateFile ({problems})";
    }

    /// <summary>The server's own self-signed certificate, configured as is, and still within its validity.</summary>
    private bool IsConfigured(X509Certificate2 server) =>
        nowUtc >= server.NotBefore.ToUniversalTime() && nowUtc <= server.NotAfter.ToUniversalTime()
        && trusted.Any(t => t.RawDataMemory.Span.SequenceEqual(server.RawDataMemory.Span));

    /// <returns>Null when the chain builds to one of the configured certificates, else what is wrong with it.</returns>
    private string? ChainToConfiguredRoot(X509Certificate2 server, X509Chain? presented) =>
        Probing.TlsTrust.ChainProblems(server, presented, trusted, nowUtc);

    private static string Describe(X509ChainStatus[]? status) => Probing.TlsTrust.Describe(status);
}
