using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace ProbeDashboard.Core.Probing.Http;

/// <summary>
/// The few long-lived SocketsHttpHandlers every HTTP probe shares, so ten thousand monitors reuse pooled
/// connections instead of opening a socket (and a TLS handshake) per probe. Redirect behaviour is a handler
/// setting, and a pinned origin IP must never share a connection pool with DNS-resolved requests for the same
/// host, so there is one handler per (pinned IP, follow redirects).
/// </summary>
public sealed class HttpHandlerPool : IDisposable
{
    private readonly ConcurrentDictionary<(IPAddress? PinnedIp, bool FollowRedirects), HttpMessageInvoker> _invokers = new();
    private readonly ConcurrentDictionary<(IPAddress? PinnedIp, string Host), DateTime> _certificateExpiry = new();

    public HttpMessageInvoker For(IPAddress? pinnedIp, bool followRedirects) =>
        _invokers.GetOrAdd((pinnedIp, followRedirects), key => new HttpMessageInvoker(CreateHandler(key.PinnedIp, key.FollowRedirects)));

    /// <summary>
    /// Expiry (UTC) of the certificate <paramref name="host"/> presented on its latest TLS handshake through the
    /// given origin. Handshakes happen once per pooled connection, not per request, hence the cache.
    /// </summary>
    public DateTime? CertificateExpiry(IPAddress? pinnedIp, string host) =>
        _certificateExpiry.TryGetValue((pinnedIp, host), out var expiry) ? expiry : null;

    private SocketsHttpHandler CreateHandler(IPAddress? pinnedIp, bool followRedirects)
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
            // Recycled now and then so a DNS change reaches the probes.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(90),
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (sender, certificate, _, errors) =>
                {
                    if (sender is SslStream tls && certificate is X509Certificate2 presented)
                        _certificateExpiry[(pinnedIp, tls.TargetHostName)] = presented.NotAfter.ToUniversalTime();
                    return errors == SslPolicyErrors.None;
                },
            },
        };
        if (pinnedIp is not null)
            handler.ConnectCallback = (context, cancellationToken) => ConnectAsync(new IPEndPoint(pinnedIp, context.DnsEndPoint.Port), cancellationToken);
        return handler;
    }

    private static async ValueTask<Stream> ConnectAsync(IPEndPoint endPoint, CancellationToken cancellationToken)
    {
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(endPoint, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        foreach (var invoker in _invokers.Values) invoker.Dispose();
        _invokers.Clear();
    }
}
