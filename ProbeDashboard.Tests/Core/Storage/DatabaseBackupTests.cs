using System.Diagnostics;
using Microsoft.Data.Sqlite;
using ProbeDashboard.Core.Storage;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Core.Storage;

/// <summary>The online backup against a real SQLite file in WAL mode, with a writer committing beside it.</summary>
/// <remarks>SQLite only: file backup and restore are SQLite-only.</remarks>
[Trait("Category", "SqliteOnly")]
public class DatabaseBackupTests
{
    [Fact]
    public async Task A_writer_keeps_committing_within_a_second_while_a_backup_runs()
    {
        using var dir = new TempDirectory();
        var source = Path.Combine(dir.Path, "live.db");
        await using var writer = await OpenAsync(source);
        await ExecuteAsync(writer, """
            PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;
            CREATE TABLE __EFMigrationsHistory (MigrationId TEXT PRIMARY KEY, ProductVersion TEXT);
            INSERT INTO __EFMigrationsHistory VALUES ('20261122000000_InitialCreate', '9.0');
            CREATE TABLE Samples (Id INTEGER PRIMARY KEY, Payload BLOB);
            WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 60000)
            INSERT INTO Samples SELECT x, randomblob(1000) FROM n;
            """);

        // Microsoft.Data.Sqlite runs "async" calls synchronously: the backup gets its own thread, as it has its own process in production.
        var backup = Task.Run(() => DatabaseBackup.CreateAsync(source, Path.Combine(dir.Path, "copy.db"), overwrite: false, CancellationToken.None));
        var slowest = TimeSpan.Zero;
        var commitsDuringBackup = 0;
        while (!backup.IsCompleted)
        {
            var commit = Stopwatch.StartNew();
            await ExecuteAsync(writer, "INSERT INTO Samples (Payload) VALUES (randomblob(1000))");
            slowest = commit.Elapsed > slowest ? commit.Elapsed : slowest;
            commitsDuringBackup++;
        }
        var copy = await backup;

        Assert.True(commitsDuringBackup > 1, $"only {commitsDuringBackup} commits overlapped the backup ({copy.Duration})");
        Assert.True(slowest < TimeSpan.FromSeconds(1), $"a commit waited {slowest} during the backup");
        Assert.Equal("20261122000000_InitialCreate", copy.SchemaVersion);
        await using var restored = await OpenAsync(copy.Path);
        await using var count = restored.CreateCommand();
        count.CommandText = "SELECT count(*) FROM Samples";
        Assert.True((long)(await count.ExecuteScalarAsync())! >= 60000);
    }

    [Fact]
    public async Task An_existing_file_is_kept_unless_overwrite_is_asked()
    {
        using var dir = new TempDirectory();
        var source = Path.Combine(dir.Path, "live.db");
        await using (var db = await OpenAsync(source))
            await ExecuteAsync(db, "CREATE TABLE __EFMigrationsHistory (MigrationId TEXT PRIMARY KEY, ProductVersion TEXT)");
        var target = Path.Combine(dir.Path, "copy.db");
        await File.WriteAllTextAsync(target, "precious");

        var refusal = await Assert.ThrowsAsync<BackupException>(() => DatabaseBackup.CreateAsync(source, target, overwrite: false, CancellationToken.None));
        Assert.Contains("--force", refusal.Message);
        Assert.Equal("precious", await File.ReadAllTextAsync(target));

        await DatabaseBackup.CreateAsync(source, target, overwrite: true, CancellationToken.None);
        Assert.NotEqual("precious", await File.ReadAllTextAsync(target));
    }

    private static async Task<SqliteConnection> OpenAsync(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        return connection;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
