using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ProbeDashboard.Core.Storage;

/// <summary>
/// Applies the connection pragmas every SQLite connection needs: WAL so readers never block the writer,
/// synchronous=FULL so a committed batch survives power loss (batching keeps the fsyncs affordable),
/// and a busy timeout so a second writer waits instead of failing.
/// </summary>
internal sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;";

    /// <summary>
    /// EF opens a read-only connection to ask whether the file exists (before reading the migration history), and
    /// switching a file that is not yet in WAL mode is a write: that connection gets only what a reader needs.
    /// </summary>
    private const string ReadOnlyPragmas = "PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;";

    private static string PragmasFor(DbConnection connection) =>
        new SqliteConnectionStringBuilder(connection.ConnectionString).Mode == SqliteOpenMode.ReadOnly ? ReadOnlyPragmas : Pragmas;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = PragmasFor(connection);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = PragmasFor(connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
