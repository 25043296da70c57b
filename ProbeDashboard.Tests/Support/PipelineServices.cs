using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ProbeDashboard.Core;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Probing;
using ProbeDashboard.Core.Results;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Tests.Support;

/// <summary>
/// Core's storage and probe pipeline without the web host: a real SQLite file in a temp directory, the real
/// writer service started by the test. For Core tests that need the database.
/// </summary>
public sealed class PipelineServices : IAsyncDisposable
{
    private readonly TempDirectory _data = new();
    private bool _writerStarted;

    private PipelineServices(Dictionary<string, string?> settings, Action<IServiceCollection, IConfiguration>? addServices)
    {
        settings["Storage:DataDirectory"] = _data.Path;
        TestDatabase.AddSettings(settings, _data.Path);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddProbeDashboardCore(configuration);
        services.AddProbePipeline(configuration);
        addServices?.Invoke(services, configuration);
        Services = services.BuildServiceProvider();
    }

    public ServiceProvider Services { get; }

    public string DatabasePath => Path.Combine(_data.Path, "probedashboard.db");

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public int ServerHostId { get; private set; }

    /// <summary>Migrates the database and, unless told otherwise, starts the result writer.</summary>
    /// <param name="addServices">More of the application than Core and the pipeline (e.g. alerting), none of it started.</param>
    public static async Task<PipelineServices> StartAsync(Dictionary<string, string?>? settings = null, bool startWriter = true,
        Action<IServiceCollection, IConfiguration>? addServices = null)
    {
        var pipeline = new PipelineServices(settings ?? [], addServices);
        await pipeline.Get<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        await using var db = pipeline.CreateDbContext();
        pipeline.ServerHostId = await db.Hosts.Where(h => h.IsServer).Select(h => h.Id).SingleAsync();
        if (startWriter) await pipeline.StartWriterAsync();
        return pipeline;
    }

    public async Task StartWriterAsync()
    {
        await Get<ResultWriterService>().StartAsync(CancellationToken.None);
        _writerStarted = true;
    }

    public ProbeDbContext CreateDbContext() => Get<IDbContextFactory<ProbeDbContext>>().CreateDbContext();

    public async Task<MonitorDefinition> AddMonitorAsync(MonitorDefinition monitor)
    {
        await using var db = CreateDbContext();
        db.Monitors.Add(monitor);
        await db.SaveChangesAsync();
        return monitor;
    }

    public async ValueTask DisposeAsync()
    {
        if (_writerStarted) await Get<ResultWriterService>().StopAsync(CancellationToken.None);
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Npgsql.NpgsqlConnection.ClearAllPools();
        TestDatabase.Drop(_data.Path);
        _data.Dispose();
    }
}
