using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Tests.Core.Storage;

/// <summary>Databases made by released builds (dumps in Fixtures/, see its README), and the upgrade the server runs on them.</summary>
public static class ReleasedDatabases
{
    /// <summary>The first release: hand-written migration 0001 only.</summary>
    public const string V1 = "v1-database.sql";

    /// <summary>The last release with hand-written migrations: 0001–0005.</summary>
    public const string V2 = "v2-database.sql";

    public const string FileName = "probedashboard.db";

    /// <summary>
    /// Rebuilds a released database from its dump (kept as text, so the fixture is reviewable), in WAL mode as a live
    /// server's file is, unless <paramref name="wal"/> is false (a file rebuilt from a dump by hand).
    /// </summary>
    /// <returns>The database file's path.</returns>
    public static async Task<string> RestoreAsync(string fixture, string dataDirectory, bool wal = true)
    {
        Directory.CreateDirectory(dataDirectory);
        var database = Path.Combine(dataDirectory, FileName);
        await using var db = new SqliteConnection($"Data Source={database};Pooling=False");
        await db.OpenAsync();
        await using var script = db.CreateCommand();
        script.CommandText = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", fixture)) + (wal ? "\nPRAGMA journal_mode=WAL;" : "");
        await script.ExecuteNonQueryAsync();
        return database;
    }

    /// <summary>Core's services on <paramref name="dataDirectory"/>, as the server builds them.</summary>
    public static ServiceProvider CoreServices(string dataDirectory)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataDirectory"] = dataDirectory })
            .Build();
        return new ServiceCollection().AddLogging().AddProbeDashboardCore(configuration).BuildServiceProvider();
    }

    /// <summary>What the server does at start-up: migrate (adopting a legacy file first) and seed its own host.</summary>
    public static async Task InitializeAsync(string dataDirectory, CancellationToken cancellationToken)
    {
        await using var services = CoreServices(dataDirectory);
        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(cancellationToken);
    }
}
