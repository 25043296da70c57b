using System.Data.Common;
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

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
