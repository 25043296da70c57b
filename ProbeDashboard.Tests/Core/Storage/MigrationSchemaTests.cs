using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core;
using ProbeDashboard.Core.Storage;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Core.Storage;

/// <summary>
/// Migrations are written by hand, so this proves that applying them yields exactly the schema the model
/// describes. On failure the model's own CREATE script is written next to the test output to start from.
/// </summary>
public class MigrationSchemaTests
{
    [Fact]
    public async Task Migrations_produce_the_schema_of_the_model()
    {
        using var dir = new TempDirectory();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(1));

        await using (var migrated = Context(dir.Path, "migrated.db"))
            await migrated.Database.MigrateAsync(cts.Token);
        await using (var created = Context(dir.Path, "created.db"))
            await created.Database.EnsureCreatedAsync(cts.Token);

        var expected = await SchemaAsync(Path.Combine(dir.Path, "created.db"));
        var actual = await SchemaAsync(Path.Combine(dir.Path, "migrated.db"));
        if (!expected.SequenceEqual(actual))
        {
            await using var model = Context(dir.Path, "script.db");
            var scriptFile = Path.Combine(AppContext.BaseDirectory, "model-create-script.sql");
            await File.WriteAllTextAsync(scriptFile, model.Database.GenerateCreateScript(), cts.Token);
            Assert.Fail($"Migrated schema differs from the model. Missing: {string.Join(" | ", expected.Except(actual))}. " +
                        $"Extra: {string.Join(" | ", actual.Except(expected))}. The model's script is in {scriptFile}.");
        }
    }

    private static ProbeDbContext Context(string directory, string file)
    {
        var options = new DbContextOptionsBuilder<ProbeDbContext>();
        CoreServiceCollectionExtensions.ConfigureSqlite(options, new StorageOptions { DataDirectory = directory, DatabaseFileName = file });
        return new ProbeDbContext(options.Options);
    }

    /// <summary>Every table's columns and every index, normalised so that order of creation does not matter.</summary>
    private static async Task<List<string>> SchemaAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        var rows = new List<string>();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT m.type, m.name, p.name, p.type, p."notnull", p.pk
            FROM sqlite_master m LEFT JOIN pragma_table_info(m.name) p
            WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '__EFMigrations%'
            UNION ALL
            SELECT 'index', m.name, m.sql, '', 0, 0 FROM sqlite_master m WHERE m.type = 'index' AND m.sql IS NOT NULL
            """;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add(string.Join(",", Enumerable.Range(0, 6).Select(i => reader.IsDBNull(i) ? "" : reader.GetValue(i).ToString())));
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }
}
