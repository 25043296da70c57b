using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ProbeDashboard.Core.Storage;

/// <summary>The SQLite database. Its migrations are in Storage/Migrations/Sqlite.</summary>
public sealed class SqliteProbeDb(DbContextOptions<SqliteProbeDb> options) : ProbeDbContext(options)
{
    public static void Configure(DbContextOptionsBuilder options, StorageOptions storage)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(storage.DatabasePath)!);
        options.UseSqlite($"Data Source={storage.DatabasePath};Cache=Private;Pooling=True")
            .AddInterceptors(new SqlitePragmaInterceptor(), new SqliteWriteGateInterceptor())
            .ReplaceService<IRelationalTransactionFactory, SqliteGatedTransactionFactory>();
    }

    /// <summary>A context on the SQLite file of <paramref name="storage"/>, for start-up tools and tests.</summary>
    public static SqliteProbeDb Open(StorageOptions storage)
    {
        var options = new DbContextOptionsBuilder<SqliteProbeDb>();
        Configure(options, storage);
        return new SqliteProbeDb(options.Options);
    }
}
