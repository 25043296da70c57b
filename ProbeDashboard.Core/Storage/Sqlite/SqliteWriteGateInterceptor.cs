using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ProbeDashboard.Core.Storage;

/// <summary>
/// Begins every EF transaction on SQLite (the services' own and SaveChanges' implicit ones) through the file's
/// <see cref="SqliteWriteGate"/>; <see cref="SqliteGatedTransactionFactory"/> hands the turn on when it ends.
/// </summary>
internal sealed class SqliteWriteGateInterceptor : DbTransactionInterceptor
{
    public override InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result) =>
        result.HasResult ? result
            : InterceptionResult<DbTransaction>.SuppressWithResult(SqliteWriteGate.Begin((SqliteConnection)connection, eventData.IsolationLevel, CancellationToken.None));

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection,
        TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default) =>
        result.HasResult ? result
            : InterceptionResult<DbTransaction>.SuppressWithResult(
                await SqliteWriteGate.BeginAsync((SqliteConnection)connection, eventData.IsolationLevel, cancellationToken));
}
