using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using ProbeDashboard.Core.Egress;

namespace ProbeDashboard.Core.Probing.Http;

/// <summary>
/// The few long-lived SocketsHttpHandlers every HTTP probe shares, so ten thousand monitors reuse pooled
/// connections instead of opening a socket (and a TLS handshake) per probe. Redirect behaviour is a handler
/// setting, and a pinned origin IP must never share a connection pool with DNS-resolved requests for the same
/// host, and an operator's "ignore TLS errors" must not loosen checks for other monitors, so there is one handler
/// per (pinned IP, follow redirects, ignore TLS errors). Every connection, redirect hops included, is
/// opened through the probes' egress policy on the address actually connected to.
/// </summary>
public sealed class HttpHandlerPool : IDisposable
{
    /// <summary>How long replaced handlers live on for the requests still running on them (longer than any probe timeout).</summary>
    private static readonly TimeSpan RetireAfter = TimeSpan.FromMinutes(6);

    private readonly ConcurrentDictionary<(IPAddress? PinnedIp, bool FollowRedirects, bool IgnoreTlsErrors), HttpMessageInvoker> _invokers = new();
    private readonly ConcurrentDictionary<(IPAddress? PinnedIp, string Host), SeenCertificate> _certificates = new();
    private readonly EgressConnector _egress;
    private readonly EgressPolicies _policies;
    private readonly TlsTrust _trust;

    public HttpHandlerPool(EgressConnector egress, EgressPolicies policies, TlsTrust trust)
    {
        _egress = egress;
        _policies = policies;
        _trust = trust;
        // A pooled connection was checked when it opened; after a policy change it must not carry on unchecked.
        _policies.Changed += StartFreshHandlers;
    }

    public HttpMessageInvoker For(IPAddress? pinnedIp, bool followRedirects, bool ignoreTlsErrors = false) =>
        _invokers.GetOrAdd((pinnedIp, followRedirects, ignoreTlsErrors),
            key => new HttpMessageInvoker(CreateHandler(key.PinnedIp, key.FollowRedirects, key.IgnoreTlsErrors)));

    /// <summary>
    /// The certificate <paramref name="host"/> presented on its latest TLS handshake through the given origin.
    /// Handshakes happen once per pooled connection, not per request, hence the cache.
    /// </summary>
    public SeenCertificate? Certificate(IPAddress? pinnedIp, string host) =>
        _certificates.TryGetValue((pinnedIp, host), out var seen) ? seen : null;

    private SocketsHttpHandler CreateHandler(IPAddress? pinnedIp, bool followRedirects, bool ignoreTlsErrors)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = followRedirects,
            MaxAutomaticRedirections = 10,
            // Cookies are per monitor and sent as a header; a shared container would leak them between monitors.
            UseCookies = false,
            // A probe measures the target, not a proxy in between.
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.All,
            MaxResponseHeadersLength = ResponseLimits.MaxHeadersKib,
            // Recycled now and then so a DNS change reaches the probes.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(90),
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (sender, certificate, chain, errors) =>
                {
                    if (sender is SslStream tls && certificate is X509Certificate2 presented)
                        _certificates[(pinnedIp, tls.TargetHostName)] = SeenCertificate.From(presented);
                    // Ignoring errors still records the certificate: its expiry is what the operator wants to see.
                    return ignoreTlsErrors || _trust.Judge(certificate, chain, errors) == SslPolicyErrors.None;
                },
            },
        };
        handler.ConnectCallback = pinnedIp is null
            ? _egress.HttpCallback(EgressScope.Probes)
            : async (context, cancellationToken) =>
                new NetworkStream(await _egress.ConnectAsync(EgressScope.Probes, pinnedIp, context.DnsEndPoint.Port, cancellationToken), ownsSocket: true);
        return handler;
    }

    private void StartFreshHandlers()
    {
        var retired = _invokers.Values.ToList();
        _invokers.Clear();
        _ = DisposeLaterAsync(retired);
    }

    private static async Task DisposeLaterAsync(List<HttpMessageInvoker> retired)
    {
        await Task.Delay(RetireAfter);
        foreach (var invoker in retired) invoker.Dispose();
    }

    public void Dispose()
    {
        _policies.Changed -= StartFreshHandlers;
        foreach (var invoker in _invokers.Values) invoker.Dispose();
        _invokers.Clear();
    }
}
