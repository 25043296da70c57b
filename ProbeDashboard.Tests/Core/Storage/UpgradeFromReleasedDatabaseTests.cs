using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core;
using ProbeDashboard.Core.Storage;
using ProbeDashboard.Tests.Integration.Cli;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Core.Storage;

/// <summary>
/// Upgrades and downgrades against <c>Fixtures/v1-database.sql</c>, the dump of a database made by the released schema (migration
/// 0001 only) with monitors, results, rollups, hosts, groups, rules, events, notification groups, tokens and users
/// (see Fixtures/README.md). Whatever migrations later builds add, every old row must come through unchanged.
/// </summary>
public class UpgradeFromReleasedDatabaseTests
{
    private static string Fixture => Path.Combine(AppContext.BaseDirectory, "Fixtures", "v1-database.sql");

    /// <summary>
    /// Rebuilds the old database from its dump (kept as text, so the fixture is reviewable), in WAL mode as a live
    /// server's file is.
    /// </summary>
    private static async Task RestoreFixtureAsync(string database)
    {
        await using var db = new SqliteConnection($"Data Source={database};Pooling=False");
        await db.OpenAsync();
        await using var script = db.CreateCommand();
        script.CommandText = await File.ReadAllTextAsync(Fixture) + "\nPRAGMA journal_mode=WAL;";
        await script.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task A_database_from_the_released_schema_is_migrated_to_the_newest_and_keeps_every_row()
    {
        using var dir = new TempDirectory();
        var database = Path.Combine(dir.Path, "probedashboard.db");
        await RestoreFixtureAsync(database);
        var released = await ColumnsAsync(database);
        var before = await RowsAsync(database, released);

        await using var services = CoreServices(dir.Path);
        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);

        await using (var db = await services.GetRequiredService<IDbContextFactory<ProbeDbContext>>().CreateDbContextAsync())
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        // The released columns only: later migrations may add columns (with their defaults) to the same rows.
        var after = await RowsAsync(database, released);
        Assert.True(before.Values.Sum(rows => rows.Count) > 50, "the fixture is not the populated database it should be");
        foreach (var (table, rows) in before) Assert.Equal(rows, after[table]);
    }

    [Fact]
    public async Task The_server_refuses_a_database_from_a_newer_version_and_leaves_the_file_untouched()
    {
        using var dir = new TempDirectory();
        var data = Path.Combine(dir.Path, "data");
        Directory.CreateDirectory(data);
        var database = Path.Combine(data, "probedashboard.db");
        await RestoreFixtureAsync(database);
        await using (var db = new SqliteConnection($"Data Source={database};Pooling=False"))
        {
            await db.OpenAsync();
            await using var insert = db.CreateCommand();
            insert.CommandText = "INSERT INTO __EFMigrationsHistory VALUES ('29991231000000_FromTheFuture', '99.0.0')";
            await insert.ExecuteNonQueryAsync();
        }
        var hash = SHA256.HashData(await File.ReadAllBytesAsync(database));

        var (exitCode, output) = await CommandLineTests.RunAsync("--urls", $"http://127.0.0.1:{AppProcess.FreePort()}", "--data-dir", data);

        Assert.Equal(65, exitCode);
        Assert.Contains("Refusing to start", output);
        Assert.Contains("upgraded by a newer ProbeDashboard", output);
        Assert.Contains("29991231000000_FromTheFuture", output);
        Assert.Equal(hash, SHA256.HashData(await File.ReadAllBytesAsync(database)));
    }

    private static ServiceProvider CoreServices(string dataDirectory)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataDirectory"] = dataDirectory })
            .Build();
        return new ServiceCollection().AddLogging().AddProbeDashboardCore(configuration).BuildServiceProvider();
    }

    /// <summary>
    /// Every row of every table, as text, in rowid order: only the columns of the fixture's schema (later migrations
    /// may add columns, never change old ones).
    /// </summary>
    private static async Task<Dictionary<string, List<string>>> ColumnsAsync(string path)
    {
        await using var db = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await db.OpenAsync();
        var columns = new Dictionary<string, List<string>>();
        foreach (var table in await ListAsync(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__EFMigrationsHistory'"))
            columns[table] = await ListAsync(db, $"SELECT name FROM pragma_table_info('{table}')");
        return columns;
    }

    private static async Task<Dictionary<string, List<string>>> RowsAsync(string path, Dictionary<string, List<string>> columnsOf)
    {
        await using var db = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await db.OpenAsync();
        var rows = new Dictionary<string, List<string>>();
        foreach (var (table, columns) in columnsOf)
            rows[table] = await ListAsync(db, $"SELECT {string.Join(" || '|' || ", columns.Select(c => $"quote(\"{c}\")"))} FROM \"{table}\" ORDER BY rowid");
        return rows;
    }

    private static async Task<List<string>> ListAsync(SqliteConnection db, string sql)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync()) values.Add(reader.GetString(0));
        return values;
    }
}
