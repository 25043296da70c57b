using System.Data.Common;

namespace ProbeDashboard.Core.Storage;

/// <summary>
/// A transaction begun by hand (<see cref="SqlDialect.BeginWriteAsync"/>), outside EF: committing or disposing it also
/// hands the SQLite write gate's turn to the next writer (nothing to hand on with PostgreSQL).
/// </summary>
internal sealed class WriteTransaction(DbTransaction transaction) : IAsyncDisposable
{
    public DbTransaction Transaction => transaction;

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await transaction.CommitAsync(cancellationToken);
        SqliteWriteGate.Release(transaction);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await transaction.DisposeAsync();
        }
        finally
        {
            SqliteWriteGate.Release(transaction);
        }
    }
}
