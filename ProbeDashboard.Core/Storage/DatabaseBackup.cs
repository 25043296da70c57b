using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace ProbeDashboard.Core.Storage;

/// <summary>What a finished backup or restore did, for the command's one-line report.</summary>
public sealed record DatabaseCopy(string Path, long Bytes, TimeSpan Duration, string? SchemaVersion);

/// <summary>
/// Online backup and offline restore of the SQLite database. A backup is <c>VACUUM INTO</c>: one read transaction,
/// so under WAL the server's writer keeps committing while it runs, and the copy is a consistent, compact snapshot.
/// </summary>
public static class DatabaseBackup
{
    /// <summary>Copies the live database at <paramref name="databasePath"/> to <paramref name="targetPath"/>.</summary>
    /// <exception cref="BackupException">No database, an existing target without <paramref name="overwrite"/>, or a copy that fails its check.</exception>
    public static async Task<DatabaseCopy> CreateAsync(string databasePath, string targetPath, bool overwrite, CancellationToken cancellationToken)
    {
        if (!File.Exists(databasePath)) throw new BackupException($"There is no database at {databasePath}.");
        targetPath = Path.GetFullPath(targetPath);
        if (File.Exists(targetPath) && !overwrite) throw new BackupException($"{targetPath} exists; pass --force to replace it.");
        Directory.CreateDirectory(Path.GetDirectoryName(targetPath)!);

        // Written beside the target and renamed at the end, so an interrupted backup never leaves a half file under its name.
        var partial = $"{targetPath}.partial-{Environment.ProcessId}";
        File.Delete(partial);
        var watch = Stopwatch.StartNew();
        try
        {
            await using (var source = await OpenAsync(databasePath, SqliteOpenMode.ReadWrite, cancellationToken))
            await using (var vacuum = source.CreateCommand())
            {
                vacuum.CommandText = "VACUUM INTO $target";
                vacuum.Parameters.AddWithValue("$target", partial);
                await vacuum.ExecuteNonQueryAsync(cancellationToken);
            }
            var schema = await CheckAsync(partial, cancellationToken);
            File.Move(partial, targetPath, overwrite);
            return new DatabaseCopy(targetPath, new FileInfo(targetPath).Length, watch.Elapsed, schema);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    /// <summary>
    /// Replaces the database at <paramref name="databasePath"/> with <paramref name="backupPath"/>. The caller holds the
    /// <see cref="ServerLock"/>. The replaced database and its WAL are kept beside it with a <c>.before-restore-*</c> suffix:
    /// a stale WAL left next to the restored file would be replayed into it.
    /// </summary>
    public static async Task<DatabaseCopy> RestoreAsync(string backupPath, string databasePath, TimeProvider time, CancellationToken cancellationToken)
    {
        backupPath = Path.GetFullPath(backupPath);
        if (!File.Exists(backupPath)) throw new BackupException($"There is no backup at {backupPath}.");
        var watch = Stopwatch.StartNew();
        var schema = await CheckAsync(backupPath, cancellationToken);
        Directory.CreateDirectory(Path.GetDirectoryName(databasePath)!);

        var incoming = databasePath + ".restoring";
        File.Copy(backupPath, incoming, overwrite: true);
        await UseWalAsync(incoming, cancellationToken);
        var suffix = ".before-restore-" + time.GetUtcNow().ToString("yyyyMMddHHmmss");
        foreach (var part in new[] { "", "-wal", "-shm" })
            if (File.Exists(databasePath + part)) File.Move(databasePath + part, databasePath + suffix + part);
        File.Move(incoming, databasePath);
        return new DatabaseCopy(databasePath, new FileInfo(databasePath).Length, watch.Elapsed, schema);
    }

    /// <summary>
    /// A backup is a self-contained rollback-journal file; the server expects WAL, and its read-only existence
    /// check cannot switch the mode itself.
    /// </summary>
    private static async Task UseWalAsync(string path, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(path, SqliteOpenMode.ReadWrite, cancellationToken);
        await using var pragma = db.CreateCommand();
        pragma.CommandText = "PRAGMA journal_mode=WAL";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Refuses a file that is not a sound ProbeDashboard database.</summary>
    /// <returns>The newest migration id in it (null for an empty schema history).</returns>
    private static async Task<string?> CheckAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await OpenAsync(path, SqliteOpenMode.ReadOnly, cancellationToken);
            await using var check = db.CreateCommand();
            check.CommandText = "PRAGMA quick_check";
            var verdict = (string?)await check.ExecuteScalarAsync(cancellationToken);
            if (verdict != "ok") throw new BackupException($"{path} is damaged: {verdict}");
            check.CommandText = "SELECT max(MigrationId) FROM __EFMigrationsHistory";
            return await check.ExecuteScalarAsync(cancellationToken) as string;
        }
        catch (SqliteException e)
        {
            throw new BackupException($"{path} is not a ProbeDashboard database: {e.Message}");
        }
    }

    private static async Task<SqliteConnection> OpenAsync(string path, SqliteOpenMode mode, CancellationToken cancellationToken)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false, DefaultTimeout = 30 };
        var connection = new SqliteConnection(builder.ToString());
        await connection.OpenAsync(cancellationToken);
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA busy_timeout=10000";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }
}

/// <summary>A backup or restore that cannot be done; the message is for the operator.</summary>
public sealed class BackupException(string message) : Exception(message);
