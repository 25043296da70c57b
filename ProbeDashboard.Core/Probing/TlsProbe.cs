using System.Diagnostics;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using ProbeDashboard.Core.Egress;
using ProbeDashboard.Core.Monitors;

namespace ProbeDashboard.Core.Probing;

/// <summary>
/// A TLS handshake with host:port (SMTPS, LDAPS, any TLS port): succeeds when the chain validates for the host
/// name (by the system's roots or those of <see cref="TlsTrust"/>). The leaf certificate is recorded either way, so its expiry is known even when the handshake is refused.
/// Latency is connect plus handshake. Connections go through the probes' egress policy like TCP's.
/// </summary>
public sealed class TlsProbe(EgressConnector egress, TlsTrust trust) : IProbe
{
    public MonitorKind Kind => MonitorKind.Tls;

    public async Task<ProbeOutcome> ProbeAsync(MonitorDefinition monitor, CancellationToken cancellationToken)
    {
        if (!MonitorTargetRules.TryParseHostPort(monitor.Target, out var host, out var port))
            return ProbeOutcome.Down($"target '{monitor.Target}' is not host:port");

        var started = Stopwatch.GetTimestamp();
        using var socket = await egress.ConnectAsync(EgressScope.Probes, host, port, cancellationToken);
        SeenCertificate? seen = null;
        var problems = SslPolicyErrors.None;
        await using var tls = new SslStream(new NetworkStream(socket, ownsSocket: false), leaveInnerStreamOpen: false);
        var options = new SslClientAuthenticationOptions
        {
            TargetHost = host,
            RemoteCertificateValidationCallback = (_, certificate, chain, errors) =>
            {
                if (certificate is X509Certificate2 presented) seen = SeenCertificate.From(presented);
                problems = trust.Judge(certificate, chain, errors);
                return problems == SslPolicyErrors.None;
            },
        };
        try
        {
            await tls.AuthenticateAsClientAsync(options, cancellationToken);
        }
        catch (System.Security.Authentication.AuthenticationException) when (seen is not null)
        {
            return ProbeOutcome.Down(Rejected(problems), Elapsed(started), certificate: seen);
        }
        var latency = Elapsed(started);
        return ProbeOutcome.Up(latency, certificate: seen);
    }

    /// <summary>Why the certificate was refused, in the words an operator looks up.</summary>
    internal static string Rejected(SslPolicyErrors errors)
    {
        var reasons = new List<string>();
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable)) reasons.Add("no certificate presented");
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch)) reasons.Add("certificate name does not match the host");
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors)) reasons.Add("certificate chain not trusted or expired");
        return "TLS handshake failed: " + (reasons.Count == 0 ? "certificate refused" : string.Join("; ", reasons));
    }

    private static double Elapsed(long started) => Stopwatch.GetElapsedTime(started).TotalMilliseconds;
}
