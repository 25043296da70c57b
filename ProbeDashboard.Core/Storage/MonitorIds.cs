using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ProbeDashboard.Core.Storage;

/// <summary>Monitor ids known before the insert (<see cref="SqlDialect.ReserveMonitorId"/>).</summary>
internal static class MonitorIds
{
    /// <summary>
    /// Reserves the id of a monitor, then saves <paramref name="db"/>, both in its current transaction. Without one they
    /// get a transaction of their own, committed after the save as a lone SaveChanges would be: on SQLite another
    /// writer could otherwise take the id between the two.
    /// </summary>
    public static async Task SaveWithReservedIdAsync(ProbeDbContext db, Action<int> useId, CancellationToken cancellationToken)
    {
        await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await using (var command = db.Database.GetDbConnection().CreateCommand())
        {
            command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
            command.CommandText = SqlDialect.Of(db).ReserveMonitorId;
            useId(Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken)));
        }
        await db.SaveChangesAsync(cancellationToken);
        if (own is not null) await own.CommitAsync(cancellationToken);
    }
}
