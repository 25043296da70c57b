using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ProbeDashboard.Core;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Bench;

/// <summary>
/// A fresh data directory for the real server process, initialised by the product itself (schema, the server host
/// named <see cref="ServerHostName"/>) and holding the monitors a bench mode wants, added in batches.
/// </summary>
public static class BenchDataDirectory
{
    public const string ServerHostName = "bench-ui";

    /// <summary>
    /// Monitors per <c>SaveChanges</c>, each batch in a fresh context: one save of 100,000 tracked entities took
    /// minutes and left the process at over 1 GB before anything was measured.
    /// </summary>
    private const int SeedBatch = 5000;

    public static Task SeedMonitorsAsync(string data, IEnumerable<MonitorDefinition> monitors) => WithCoreAsync(data, async services =>
    {
        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        await AddMonitorsAsync(services, monitors);
    });

    /// <summary>Adds <paramref name="monitors"/> through the Core's EF Core model, <see cref="SeedBatch"/> per save.</summary>
    public static async Task AddMonitorsAsync(IServiceProvider services, IEnumerable<MonitorDefinition> monitors)
    {
        var factory = services.GetRequiredService<IDbContextFactory<ProbeDbContext>>();
        foreach (var batch in monitors.Chunk(SeedBatch))
        {
            await using var db = await factory.CreateDbContextAsync();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.Monitors.AddRange(batch);
            await db.SaveChangesAsync();
        }
    }

    /// <summary>Runs <paramref name="work"/> with the Core's services on the data directory, as the server would have them (no host, no probing).</summary>
    public static async Task WithCoreAsync(string data, Func<IServiceProvider, Task> work)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = data,
            ["Probing:ServerHostName"] = ServerHostName,
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.Services.AddProbeDashboardCore(builder.Configuration);
        using var host = builder.Build();
        await work(host.Services);
    }

    /// <summary>An HTTP monitor as the probing benchmarks use it: alerting on, three failures to fire.</summary>
    public static MonitorDefinition HttpMonitor(int index, string target, int intervalSeconds, DateTime createdAt) => new()
    {
        Name = $"bench-{index:D5}",
        Kind = MonitorKind.Http,
        Target = target,
        IntervalSeconds = intervalSeconds,
        TimeoutSeconds = Math.Max(1, Math.Min(10, intervalSeconds - 1)),
        EnableAlert = true,
        FailThreshold = 3,
        CreatedAt = createdAt,
        UpdatedAt = createdAt,
    };

    /// <summary>The newest stored result's id: results committed between two reads are the difference.</summary>
    public static async Task<long> MaxResultIdAsync(string data)
    {
        await using var connection = OpenReadOnly(data);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT coalesce(max(Id), 0) FROM ProbeResults";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The server's database file, read-only and unpooled, beside the running server (WAL lets both read).</summary>
    public static SqliteConnection OpenReadOnly(string data)
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(data, "probedashboard.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        return connection;
    }
}
