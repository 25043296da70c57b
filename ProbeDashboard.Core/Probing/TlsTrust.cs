using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;

namespace ProbeDashboard.Core.Probing;

/// <summary>
/// The roots TLS and https probes trust besides the system's: the CA certificates of <c>Probing:TrustedCaFile</c> (a PEM
/// bundle), so a target whose certificate a private CA issued counts as trusted. Only a chain error is forgiven, and only
/// when the chain builds to one of those roots within its validity; a wrong host name or an expired certificate still fails.
/// Without the setting nothing changes. Read once at start: the agent mode reads its own configuration the same way.
/// </summary>
public sealed class TlsTrust(X509Certificate2Collection roots)
{
    public const string SettingKey = ProbingOptions.Section + ":" + nameof(ProbingOptions.TrustedCaFile);
    private static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1");

    /// <summary>The configured roots (none without the setting).</summary>
    public int Count => roots.Count;

    public static TlsTrust FromConfiguration(IConfiguration configuration) => new(Load(configuration[SettingKey]));

    /// <summary>Every certificate of a PEM bundle; none for an empty path. A file that cannot be used stops the start with its reason.</summary>
    public static X509Certificate2Collection Load(string? pemFile)
    {
        var certificates = new X509Certificate2Collection();
        if (string.IsNullOrWhiteSpace(pemFile)) return certificates;
        try
        {
            certificates.ImportFromPemFile(pemFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new InvalidOperationException($"{SettingKey} '{pemFile}' cannot be read: {e.Message}", e);
        }
        if (certificates.Count == 0)
            throw new InvalidOperationException($"{SettingKey} '{pemFile}' holds no certificate (expected PEM blocks 'BEGIN CERTIFICATE')");
        return certificates;
    }

    /// <summary>What is left of <paramref name="errors"/> once the configured roots are trusted too.</summary>
    public SslPolicyErrors Judge(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (roots.Count == 0 || !errors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors) || certificate is not X509Certificate2 leaf) return errors;
        return ChainProblems(leaf, chain, roots, DateTime.UtcNow) is null ? errors & ~SslPolicyErrors.RemoteCertificateChainErrors : errors;
    }

    /// <summary>Builds <paramref name="leaf"/>'s chain to one of <paramref name="trusted"/>, with the intermediates the peer sent.</summary>
    /// <returns>Null when it builds at <paramref name="nowUtc"/>, else what is wrong with it.</returns>
    public static string? ChainProblems(X509Certificate2 leaf, X509Chain? presented, X509Certificate2Collection trusted, DateTime nowUtc)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(trusted);
        if (presented is not null)
            foreach (var element in presented.ChainElements) chain.ChainPolicy.ExtraStore.Add(element.Certificate);
        chain.ChainPolicy.ApplicationPolicy.Add(ServerAuthentication);
        chain.ChainPolicy.VerificationTime = nowUtc;
        chain.ChainPolicy.VerificationTimeIgnored = false;
        // A private CA rarely publishes revocation lists this server could reach; the operator chose this root.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(leaf) ? null : Describe(chain.ChainStatus);
    }

    /// <summary>A chain's problems in the platform's words.</summary>
    public static string Describe(X509ChainStatus[]? status) =>
        status is { Length: > 0 }
            ? string.Join("; ", status.Select(s => string.IsNullOrWhiteSpace(s.StatusInformation) ? s.Status.ToString() : $"{s.Status}: {s.StatusInformation.Trim()}"))
            : "no chain to a trusted root";
}
