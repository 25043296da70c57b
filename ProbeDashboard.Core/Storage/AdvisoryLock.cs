using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ProbeDashboard.Core.Storage;

/// <summary>
/// A PostgreSQL session-level advisory lock on a fixed key: what lets several nodes on one database take turns at a
/// job without a table of our own. The lock lives with the session, so a node that dies (or loses its connection)
/// lets go by itself. On SQLite there is one process per database (the data directory's server lock), so taking it is
/// a no-op there.
/// </summary>
public sealed class AdvisoryLock : IAsyncDisposable
{
    /// <summary>Migrations and the first rows at start-up: a second node starting at once waits for the first.</summary>
    public const long StartupKey = 0x50726F6265_0001;

    /// <summary>Alert evaluation: one node at a time judges, from the stored events (see AlertProcessor).</summary>
    public const long AlertEvaluationKey = 0x50726F6265_0002;

    private readonly DbConnection? _connection;
    private readonly bool _ownsConnection;
    private readonly long _key;

    private AdvisoryLock(DbConnection? connection, bool ownsConnection, long key) =>
        (_connection, _ownsConnection, _key) = (connection, ownsConnection, key);

    /// <summary>
    /// Takes the lock on a connection of its own, waiting as long as another session holds it; disposing lets go and
    /// closes that connection (not returned to a pool, where a forgotten lock could linger).
    /// </summary>
    public static Task<AdvisoryLock> OnOwnConnectionAsync(IOptions<StorageOptions> storage, long key, CancellationToken cancellationToken) =>
        storage.Value.Provider == StorageProvider.PostgreSQL
            ? OnOwnPostgresConnectionAsync(storage.Value.ConnectionString, key, cancellationToken)
            : Task.FromResult(new AdvisoryLock(null, false, key));

    // Apart, so that a SQLite server never loads Npgsql: compiling a method loads the assemblies of the types it uses.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<AdvisoryLock> OnOwnPostgresConnectionAsync(string? connectionString, long key, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await ExecuteAsync(connection, "SELECT pg_advisory_lock(@key)", key, cancellationToken);
            return new AdvisoryLock(connection, true, key);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Takes the lock on <paramref name="db"/>'s connection, which it opens and which stays open until the lock is
    /// disposed (then unlocked explicitly, before the connection goes back to the pool).
    /// </summary>
    public static async Task<AdvisoryLock> OnContextAsync(ProbeDbContext db, long key, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite()) return new AdvisoryLock(null, false, key);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        await ExecuteAsync(connection, "SELECT pg_advisory_lock(@key)", key, cancellationToken);
        return new AdvisoryLock(connection, false, key);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is null) return;
        try
        {
            if (_connection.State == System.Data.ConnectionState.Open)
                await ExecuteAsync(_connection, "SELECT pg_advisory_unlock(@key)", _key, CancellationToken.None);
        }
        catch (DbException)
        {
            // The session is broken; PostgreSQL let go of its locks with it.
        }
        finally
        {
            if (_ownsConnection) await _connection.DisposeAsync();
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, long key, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        // Waiting for the lock takes as long as the holder needs (a first node's migrations can take minutes on a big
        // database): no command timeout, only the caller's cancellation (the node stopping).
        command.CommandTimeout = 0;
        command.Parameters.Add(new NpgsqlParameter("key", key));
        await command.ExecuteScalarAsync(cancellationToken);
    }
}
