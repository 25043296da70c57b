using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ProbeDashboard.Core.Storage;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Cluster;

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
