using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Storage;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Core.Storage;

/// <summary>
/// Every way a database reaches today's schema ends in the same schema: EF's migrations on an empty file, the model's
/// own CREATE script, and the released databases (<see cref="ReleasedDatabases"/>) upgraded by the server. Compared:
/// tables, columns (type, nullability, default, key), indexes (columns, uniqueness, filter) and foreign keys
/// (columns, target, on delete / on update).
/// </summary>
/// <remarks>SQLite only: compares SQLite schemas and its migration set.</remarks>
[Trait("Category", "SqliteOnly")]
public class MigrationSchemaTests
{
    [Fact]
    public void The_model_has_no_changes_missing_from_the_migrations()
    {
        using var db = SqliteProbeDb.Open(new StorageOptions { DataDirectory = Path.GetTempPath(), DatabaseFileName = "never-opened.db" });
        Assert.False(db.Database.HasPendingModelChanges(), "the model changed without a migration: run dotnet ef migrations add (see the README)");
    }

    [Fact]
    public async Task Migrations_model_and_upgraded_released_databases_have_one_schema()
    {
        using var dir = new TempDirectory();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var migrated = Path.Combine(dir.Path, "migrated");
        await ReleasedDatabases.InitializeAsync(migrated, cts.Token);
        var created = new StorageOptions { DataDirectory = Path.Combine(dir.Path, "created") };
        await using (var db = SqliteProbeDb.Open(created))
            await db.Database.EnsureCreatedAsync(cts.Token);
        var upgraded = new List<(string Name, string Directory)>();
        foreach (var fixture in new[] { ReleasedDatabases.V1, ReleasedDatabases.V2 })
        {
            var directory = Path.Combine(dir.Path, fixture);
            await ReleasedDatabases.RestoreAsync(fixture, directory);
            await ReleasedDatabases.InitializeAsync(directory, cts.Token);
            upgraded.Add((fixture, directory));
        }

        var expected = await SchemaAsync(created.DatabasePath);
        Assert.Contains(expected, row => row.StartsWith("fk|Hosts|GroupId|HostGroups|Id|NO ACTION|SET NULL", StringComparison.Ordinal));
        foreach (var (name, directory) in upgraded.Prepend(("EF migrations on an empty file", migrated)))
        {
            var actual = await SchemaAsync(Path.Combine(directory, ReleasedDatabases.FileName));
            Assert.True(expected.SequenceEqual(actual), $"{name} differs from the model. Missing: {string.Join(" ; ", expected.Except(actual))}. " +
                                                        $"Extra: {string.Join(" ; ", actual.Except(expected))}.");
        }
    }

    /// <summary>One row per column, index and foreign key, sorted so that the order of creation does not matter.</summary>
    private static async Task<List<string>> SchemaAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            WITH t AS (SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EFMigrations%')
            SELECT 'col', t.name, c.name, c.type, c."notnull", c.dflt_value, c.pk FROM t, pragma_table_info(t.name) c
            UNION ALL
            SELECT 'index', t.name, i.name, i."unique", i.origin, (SELECT group_concat(k.name, ',') FROM pragma_index_info(i.name) k),
                   (SELECT sql FROM sqlite_master WHERE type = 'index' AND name = i.name)
            FROM t, pragma_index_list(t.name) i
            UNION ALL
            SELECT 'fk', t.name, f."from", f."table", f."to", f.on_update, f.on_delete FROM t, pragma_foreign_key_list(t.name) f
            """;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
            rows.Add(string.Join("|", Enumerable.Range(0, 7).Select(i => reader.IsDBNull(i) ? "" : reader.GetValue(i).ToString())));
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }
}
