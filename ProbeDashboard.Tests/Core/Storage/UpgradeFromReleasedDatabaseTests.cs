using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Storage;
using ProbeDashboard.Tests.Integration.Cli;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Core.Storage;

/// <summary>
/// Upgrades and downgrades against databases made by released builds (<see cref="ReleasedDatabases"/>): monitors,
/// results, rollups, hosts, groups, rules, events, notification groups, tokens, users and, in v2, the compat and audit
/// tables. Whatever migrations later builds add, every old row must come through unchanged.
/// </summary>
/// <remarks>SQLite only: released databases are SQLite files.</remarks>
[Trait("Category", "SqliteOnly")]
public class UpgradeFromReleasedDatabaseTests
{
    [Theory]
    [InlineData(ReleasedDatabases.V1, true)]
    [InlineData(ReleasedDatabases.V2, true)]
    [InlineData(ReleasedDatabases.V1, false)]
    public async Task A_released_database_is_migrated_to_the_newest_and_keeps_every_row(string fixture, bool wal)
    {
        using var dir = new TempDirectory();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var database = await ReleasedDatabases.RestoreAsync(fixture, dir.Path, wal);
        var released = await ColumnsAsync(database);
        var before = await RowsAsync(database, released);

        await ReleasedDatabases.InitializeAsync(dir.Path, cts.Token);
        await ReleasedDatabases.InitializeAsync(dir.Path, cts.Token);

        await using (var db = SqliteProbeDb.Open(new StorageOptions { DataDirectory = dir.Path }))
        {
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync(cts.Token));
            Assert.Equal(1, await db.Hosts.CountAsync(h => h.IsServer, cts.Token));
        }
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
        var database = await ReleasedDatabases.RestoreAsync(ReleasedDatabases.V1, data);
        await using (var db = new SqliteConnection($"Data Source={database};Pooling=False"))
        {
            await db.OpenAsync();
            await using var insert = db.CreateCommand();
            insert.CommandText = "INSERT INTO __EFMigrationsHistory VALUES ('29991231000000_FromTheFuture', '99.0.0')";
            await insert.ExecuteNonQueryAsync();
        }
        var hash = SHA256.HashData(await File.ReadAllBytesAsync(database));

        var (exitCode, output) = await CommandLineTests.RunAsync([.. AppProcess.AnyLocalPort, "--data-dir", data]);

        Assert.Equal(65, exitCode);
        Assert.Contains("Refusing to start", output);
        Assert.Contains("upgraded by a newer ProbeDashboard", output);
        Assert.Contains("29991231000000_FromTheFuture", output);
        Assert.Equal(hash, SHA256.HashData(await File.ReadAllBytesAsync(database)));
    }

    /// <summary>
    /// Every row of every table, as text, in rowid order: only the columns of the fixture's schema (later migrations
    /// may add columns, never change old ones). The migration history is left out: the upgrade rewrites it.
    /// </summary>
    private static async Task<Dictionary<string, List<string>>> ColumnsAsync(string path)
    {
        await using var db = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await db.OpenAsync();
        var columns = new Dictionary<string, List<string>>();
        foreach (var table in await ListAsync(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EFMigrations%'"))
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
