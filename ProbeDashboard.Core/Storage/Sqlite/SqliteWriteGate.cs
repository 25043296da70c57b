using System.Collections.Concurrent;
using System.Data;
using System.Runtime.CompilerServices;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace ProbeDashboard.Core.Storage;

/// <summary>
/// Queues this process's write transactions on one SQLite file in arrival order, before they ask SQLite for its write
/// lock. Without it, concurrent writers (API creates, the result writer, the alert engine) meet SQLITE_BUSY and wait in
/// SQLite's busy handler, which sleeps in growing steps of up to 100 ms on a blocked thread and so can sleep on long
/// after the lock was freed, and serves nobody in order: under load the tail of the waits grew to a second and more.
/// Here a writer waits asynchronously, and the writer that commits hands the turn straight to the next in line.
/// </summary>
/// <remarks>
/// One gate per database file, shared by every connection of the process (as SQLite's lock is): contexts from the pooled
/// factory, start-up tools and tests alike. Other processes (a second tool on the file) still meet SQLite's own busy
/// wait, which stays configured. PostgreSQL has row locks and needs none of this.
/// </remarks>
internal sealed class SqliteWriteGate
{
    /// <summary>
    /// How long a writer queues before it stops waiting for its turn and asks SQLite directly, as it did before the gate
    /// (SQLite's busy wait then decides). Far longer than any healthy transaction; it only matters if one flow ever began a
    /// second write transaction while holding one, which would otherwise wait for itself for good.
    /// </summary>
    internal static readonly TimeSpan QueueLimit = TimeSpan.FromSeconds(30);

    private static readonly ConcurrentDictionary<string, SqliteWriteGate> Gates = new(StringComparer.Ordinal);

    /// <summary>
    /// The transactions holding their gate's turn. Found from the transaction itself when it ends: by then
    /// Microsoft.Data.Sqlite has detached it from its connection, and a closed connection names its file as configured,
    /// not as opened.
    /// </summary>
    private static readonly ConditionalWeakTable<DbTransaction, SqliteWriteGate> Turns = [];

    private readonly SemaphoreSlim _turn = new(1, 1);
    private int _waiting;

    /// <summary>Writers queued for their turn right now.</summary>
    internal int Waiting => Volatile.Read(ref _waiting);

    /// <summary>No writer holds the turn.</summary>
    internal bool Free => _turn.CurrentCount == 1;

    /// <summary>The gate of the file <paramref name="connection"/> is open on; null for a database of one connection (in memory).</summary>
    internal static SqliteWriteGate? Of(SqliteConnection connection) =>
        connection.DataSource is { Length: > 0 } file && file != ":memory:" ? Gates.GetOrAdd(file, _ => new SqliteWriteGate()) : null;

    /// <summary>
    /// Waits for this writer's turn, then begins the transaction. Only a transaction that takes the write lock at once is
    /// queued (every isolation level but ReadUncommitted, which Microsoft.Data.Sqlite begins deferred, as a reader).
    /// </summary>
    public static async Task<SqliteTransaction> BeginAsync(SqliteConnection connection, IsolationLevel isolation, CancellationToken cancellationToken)
    {
        if (isolation == IsolationLevel.ReadUncommitted || Of(connection) is not { } gate)
            return connection.BeginTransaction(isolation);
        var ourTurn = await gate.WaitAsync(cancellationToken);
        return gate.Begin(connection, isolation, ourTurn);
    }

    /// <inheritdoc cref="BeginAsync"/>
    public static SqliteTransaction Begin(SqliteConnection connection, IsolationLevel isolation, CancellationToken cancellationToken)
    {
        if (isolation == IsolationLevel.ReadUncommitted || Of(connection) is not { } gate)
            return connection.BeginTransaction(isolation);
        Interlocked.Increment(ref gate._waiting);
        try
        {
            return gate.Begin(connection, isolation, gate._turn.Wait(QueueLimit, cancellationToken));
        }
        finally
        {
            Interlocked.Decrement(ref gate._waiting);
        }
    }

    /// <summary>
    /// Hands the turn to the next writer once <paramref name="transaction"/> has committed or rolled back. Safe to call
    /// more than once, and for a transaction that never had the turn (it does nothing then).
    /// </summary>
    public static void Release(DbTransaction transaction)
    {
        // Remove succeeds once per transaction, however many threads end it.
        if (Turns.TryGetValue(transaction, out var gate) && Turns.Remove(transaction)) gate._turn.Release();
    }

    private async Task<bool> WaitAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _waiting);
        try
        {
            return await _turn.WaitAsync(QueueLimit, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    private SqliteTransaction Begin(SqliteConnection connection, IsolationLevel isolation, bool ourTurn)
    {
        SqliteTransaction transaction;
        try
        {
            transaction = connection.BeginTransaction(isolation);
        }
        catch
        {
            if (ourTurn) _turn.Release();
            throw;
        }
        if (ourTurn) Turns.Add(transaction, this);
        return transaction;
    }
}
