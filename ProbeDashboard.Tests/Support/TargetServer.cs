using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;

namespace ProbeDashboard.Tests.Support;

// WebHostBuilder is obsolete; kept on purpose (see below).
#pragma warning disable ASPDEPR004, ASPDEPR008

/// <summary>
/// A real Kestrel server on 127.0.0.1 with the behaviours probes must tell apart. Built with the plain
/// WebHostBuilder, not the generic host, so WebApplicationFactory's host interception never confuses the two
/// when test classes start in parallel.
/// </summary>
public sealed class TargetServer : IAsyncDisposable
{
    private readonly IWebHost _host;

    private TargetServer(IWebHost host, Uri baseUri)
    {
        _host = host;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    public int Port => BaseUri.Port;

    /// <summary>What /switch answers; tests flip it to take a target down and up again.</summary>
    public int SwitchStatus { get; set; } = 200;

    /// <summary>What <c>/body</c> answers (200); a test changes it between probes.</summary>
    public string Body { get; set; } = "";

    /// <summary>How long /slow waits before answering.</summary>
    public static readonly TimeSpan SlowDelay = TimeSpan.FromSeconds(3);

    public Uri Url(string pathAndQuery) => new(BaseUri, pathAndQuery);

    /// <param name="certificate">Serve https with this certificate instead of plain http.</param>
    /// <param name="listenOn">A loopback address to listen on; 127.0.0.1 by default (Linux answers on all of 127.0.0.0/8).</param>
    public static async Task<TargetServer> StartAsync(X509Certificate2? certificate = null, IPAddress? listenOn = null)
    {
        TargetServer? server = null;
        var host = new WebHostBuilder()
            .UseKestrel(k => k.Listen(listenOn ?? IPAddress.Loopback, 0, listen =>
            {
                if (certificate is not null) listen.UseHttps(certificate);
            }))
            .Configure(app => app.Run(context => server!.HandleAsync(context)))
            .Build();
        await host.StartAsync();
        var address = host.ServerFeatures.Get<IServerAddressesFeature>()!.Addresses.Single();
        server = new TargetServer(host, new Uri(address));
        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        switch (path)
        {
            case "/ok":
                await context.Response.WriteAsync("service is ok");
                break;
            case "/slow":
                await Task.Delay(SlowDelay, context.RequestAborted);
                await context.Response.WriteAsync("late but ok");
                break;
            case "/body":
                await context.Response.WriteAsync(Body);
                break;
            case "/switch":
                context.Response.StatusCode = SwitchStatus;
                await context.Response.WriteAsync("switch");
                break;
            case "/redirect":
                context.Response.Redirect("/ok");
                break;
            case "/redirect-to":
                context.Response.Redirect(context.Request.Query["url"].ToString());
                break;
            case "/echo":
                var request = context.Request;
                await context.Response.WriteAsync($"host={request.Host} cookie={request.Headers.Cookie} x-probe={request.Headers["X-Probe"]} method={request.Method}");
                break;
            default:
                context.Response.StatusCode = path.StartsWith("/status/", StringComparison.Ordinal) && int.TryParse(path[8..], out var code) ? code : 404;
                await context.Response.WriteAsync("status page");
                break;
        }
    }

    /// <summary>A self-signed certificate for 127.0.0.1 that expires at <paramref name="notAfter"/> (whole seconds).</summary>
    public static X509Certificate2 SelfSignedCertificate(DateTimeOffset notAfter)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=probe-target", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var created = request.CreateSelfSigned(notAfter.AddDays(-30), notAfter);
        // Re-imported so the private key is usable by Kestrel's TLS stack on Linux.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }

    /// <summary>A loopback port nothing listens on (bound and released a moment ago).</summary>
    public static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
