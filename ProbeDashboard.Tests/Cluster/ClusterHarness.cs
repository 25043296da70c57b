using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ProbeDashboard.Core.Storage;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Cluster;

/// <summary>A real redis-server (Debian's) on a free 127.0.0.1 port, nothing saved; stopped by its own PID.</summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly Process _process;

    private RedisServer(Process process, int port) => (_process, Port) = (process, port);

    public int Port { get; }

    public string Configuration => $"127.0.0.1:{Port}";

    public static Task<RedisServer> StartAsync() => StartAsync(FreePort());

    /// <summary>On a given port: also to start Redis again where a stopped one was, as after an outage.</summary>
    public static async Task<RedisServer> StartAsync(int port)
    {
        var info = new ProcessStartInfo("redis-server") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "--bind", "127.0.0.1", "--port", port.ToString(), "--save", "", "--appendonly", "no" }) info.ArgumentList.Add(arg);
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        await Eventually.TrueAsync(() => Answers(port), "redis-server to listen", 20_000);
        return new RedisServer(process, port);
    }

    private static bool Answers(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}

/// <summary>An HTTP target that counts the requests to each <c>/m/{id}</c>: the probes the whole cluster sent.</summary>
public sealed class CountingTarget : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<int, int> _hits = new();

    private CountingTarget(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    public static async Task<CountingTarget> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var target = new CountingTarget(app);
        app.MapGet("/m/{id:int}", (int id) => { target._hits.AddOrUpdate(id, 1, (_, n) => n + 1); return Results.Text("ok"); });
        await app.StartAsync();
        target.BaseUrl = app.Urls.First();
        return target;
    }

    public IReadOnlyDictionary<int, int> Snapshot() => new Dictionary<int, int>(_hits);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

/// <summary>The cluster's shared PostgreSQL database, read and seeded by the test directly.</summary>
public sealed class ClusterDatabase(string connectionString)
{
    public string ConnectionString { get; } = connectionString;

    public PgProbeDb Open()
    {
        var options = new DbContextOptionsBuilder<PgProbeDb>();
        PgProbeDb.Configure(options, new StorageOptions { Provider = StorageProvider.PostgreSQL, ConnectionString = ConnectionString });
        return new PgProbeDb(options.Options);
    }
}
