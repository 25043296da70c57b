using Microsoft.EntityFrameworkCore;

namespace ProbeDashboard.Core.Storage;

/// <summary>The PostgreSQL database (<c>Storage:Provider = PostgreSQL</c>). Its migrations are in Storage/Migrations/PostgreSql.</summary>
public sealed class PgProbeDb(DbContextOptions<PgProbeDb> options) : ProbeDbContext(options)
{
    /// <remarks>
    /// No EF retrying execution strategy: the services open their own transactions (change + audit entry, a whole
    /// import), which such a strategy refuses; the result writer and the outbox retry on their own.
    /// </remarks>
    public static void Configure(DbContextOptionsBuilder options, StorageOptions storage) =>
        options.UseNpgsql(storage.ConnectionString);
}
