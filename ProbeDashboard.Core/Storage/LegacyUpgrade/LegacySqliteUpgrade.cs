using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using ProbeDashboard.Core.Storage.Migrations.Sqlite;

namespace ProbeDashboard.Core.Storage.LegacyUpgrade;

/// <summary>
/// Upgrade path for SQLite files made by releases whose migrations were hand-written SQL (no model snapshot).
/// Their history lists the ids below. Such a file gets the steps it lacks (the SQL those releases shipped, kept
/// here only for this), and its history is replaced by the EF <see cref="Baseline"/> migration, whose schema is
/// the same (MigrationSchemaTests proves it), so EF applies only the migrations that came after.
/// New schema changes are EF migrations in Storage/Migrations/Sqlite, never files here.
/// </summary>
internal static class LegacySqliteUpgrade
{
    /// <summary>The hand-written migrations in the order they shipped; the first one's SQL is not kept, every legacy file has it.</summary>
    private static readonly (string Id, string? Script)[] Steps =
    [
        ("20261122000000_InitialCreate", null),
        ("20261122100000_IpLiveAndProbeFlows", "0002_IpLiveAndProbeFlows.sql"),
        ("20261122110000_OpenApiClients", "0003_OpenApiClients.sql"),
        ("20261122120000_SystemSettings", "0004_SystemSettings.sql"),
        ("20261122130000_AuditLog", "0005_AuditLog.sql"),
    ];

    public static readonly IReadOnlySet<string> MigrationIds = Steps.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);

    public static readonly string BaselineId = typeof(Baseline).GetCustomAttribute<MigrationAttribute>()!.Id;

    /// <summary>Adopts a legacy file into EF's history; does nothing to any other database.</summary>
    /// <returns>The legacy steps it applied, or null when the database was not a legacy one.</returns>
    public static async Task<IReadOnlyList<string>?> RunAsync(ProbeDbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite()) return null;
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = db.Database.GetDbConnection();
            // Read first, so a start on an EF-era file (every start but one) takes no write lock.
            if (!await HasHistoryTableAsync(connection, cancellationToken)
                || !(await AppliedAsync(connection, null, cancellationToken)).Contains(Steps[0].Id)) return null;
            // BEGIN IMMEDIATE, then read again: a second process adopting the file at the same moment waits for the
            // first, then finds nothing left to do.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var dbTransaction = transaction.GetDbTransaction();
            var applied = await AppliedAsync(connection, dbTransaction, cancellationToken);
            if (!applied.Contains(Steps[0].Id)) return null;

            var missing = Steps.Where(s => !applied.Contains(s.Id)).ToList();
            foreach (var step in missing)
                await ExecuteAsync(connection, dbTransaction, LoadScript(step.Script!), cancellationToken);
            await ExecuteAsync(connection, dbTransaction,
                $"DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" IN ({string.Join(", ", Steps.Select(s => $"'{s.Id}'"))});"
                + $"INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ('{BaselineId}', '{ProductInfo.GetVersion()}');",
                cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return missing.Select(s => s.Id).ToList();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<bool> HasHistoryTableAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken)) > 0;
    }

    private static async Task<HashSet<string>> AppliedAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\"";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken)) ids.Add(reader.GetString(0));
        return ids;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The step's SQL, embedded in this assembly so the single binary carries it.</summary>
    private static string LoadScript(string fileName)
    {
        var assembly = typeof(LegacySqliteUpgrade).Assembly;
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + fileName, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
