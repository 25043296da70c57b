using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;

namespace ProbeDashboard.Tests.Support;

// WebHostBuilder is obsolete, but the generic host is what WebApplicationFactory intercepts while a test server
// starts: a target built on it could be taken for the app under test when test classes start in parallel.
#pragma warning disable ASPDEPR004, ASPDEPR008

/// <summary>
/// A Kestrel target on 127.0.0.1 that misbehaves on purpose: an endless 2 GiB body streamed from one small buffer,
/// a gzip bomb, 100 KB of headers, a body that trickles one byte a second, and a body shaped to make a backtracking
/// regex explode. <see cref="StartTrickleHeadersAsync"/> adds a raw socket that sends even the status line slowly.
/// </summary>
public sealed class HostileTargetServer : IAsyncDisposable
{
    public const long HugeBodyBytes = 2L * 1024 * 1024 * 1024;
    public const int BombInflatedBytes = 256 * 1024 * 1024;
    public const int HeaderCount = 100;

    private static readonly Lazy<byte[]> Bomb = new(CompressedZeros);
    private readonly IWebHost _host;
    private readonly CancellationTokenSource _stopping = new();

    private HostileTargetServer(IWebHost host, Uri baseUri)
    {
        _host = host;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    /// <summary>Size of the gzip bomb as it travels.</summary>
    public static int BombCompressedBytes => Bomb.Value.Length;

    public Uri Url(string path) => new(BaseUri, path);

    public static async Task<HostileTargetServer> StartAsync()
    {
        HostileTargetServer? server = null;
        var host = new WebHostBuilder()
            .UseKestrel(k => k.Listen(IPAddress.Loopback, 0))
            .Configure(app => app.Run(context => server!.HandleAsync(context)))
            .Build();
        await host.StartAsync();
        server = new HostileTargetServer(host, new Uri(host.ServerFeatures.Get<IServerAddressesFeature>()!.Addresses.Single()));
        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var response = context.Response;
        var aborted = context.RequestAborted;
        switch (context.Request.Path.Value)
        {
            case "/huge":
                response.ContentLength = HugeBodyBytes;
                var chunk = Encoding.ASCII.GetBytes(new string('a', 64 * 1024));
                for (long sent = 0; sent < HugeBodyBytes && !aborted.IsCancellationRequested; sent += chunk.Length)
                    await response.Body.WriteAsync(chunk, aborted);
                break;
            case "/bomb":
                response.Headers.ContentEncoding = "gzip";
                response.ContentType = "text/plain";
                response.ContentLength = Bomb.Value.Length;
                await response.Body.WriteAsync(Bomb.Value, aborted);
                break;
            case "/headers":
                for (var i = 0; i < HeaderCount; i++)
                    response.Headers[$"X-Padding-{i}"] = new string('h', 1000);
                await response.WriteAsync("fat headers", aborted);
                break;
            case "/trickle":
                await response.StartAsync(aborted);
                while (!aborted.IsCancellationRequested)
                {
                    await response.Body.WriteAsync("x"u8.ToArray(), aborted);
                    await response.Body.FlushAsync(aborted);
                    await Task.Delay(TimeSpan.FromSeconds(1), aborted);
                }
                break;
            case "/backtrack":
                await response.WriteAsync(new string('a', 50_000) + "!", aborted);
                break;
        }
    }

    /// <summary>A raw listener on 127.0.0.1 that sends its status line one byte a second, forever.</summary>
    public async Task<Uri> StartTrickleHeadersAsync()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        _stopping.Token.Register(listener.Stop);
        _ = Task.Run(async () =>
        {
            while (!_stopping.IsCancellationRequested)
            {
                Socket client;
                try { client = await listener.AcceptSocketAsync(_stopping.Token); }
                catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException) { return; }
                _ = TrickleAsync(client);
            }
        });
        return new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");
    }

    private async Task TrickleAsync(Socket client)
    {
        using var _ = client;
        try
        {
            foreach (var b in "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"u8.ToArray())
            {
                await client.SendAsync(new[] { b }, _stopping.Token);
                await Task.Delay(TimeSpan.FromSeconds(1), _stopping.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException) { }
    }

    private static byte[] CompressedZeros()
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal))
        {
            var zeros = new byte[1024 * 1024];
            for (var written = 0; written < BombInflatedBytes; written += zeros.Length)
                gzip.Write(zeros);
        }
        return compressed.ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _host.StopAsync();
        _host.Dispose();
        _stopping.Dispose();
    }
}
