using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ProbeDashboard.Core.Storage;

/// <summary>Rows copied into one table by <see cref="DatabaseMove"/>.</summary>
public sealed record TableCopy(string Table, long Rows);

/// <summary>Refused before anything was written: the target already holds data, or the source is not current.</summary>
public sealed class DatabaseMoveException(string message) : Exception(message);

/// <summary>
/// Copies every table of one ProbeDashboard database into another (an embedded SQLite file into PostgreSQL when a
/// deployment outgrows one machine), ids and all, so links, references and audit entries stay valid. It walks the
/// EF model, principals before dependents, so a table added later is copied without a change here. The target must
/// be empty (it is migrated here); the source is read in one pass and written in batches, in one transaction.
/// </summary>
public static class DatabaseMove
{
    private const int BatchSize = 2_000;
    private static readonly MethodInfo CopyTableMethod = typeof(DatabaseMove).GetMethod(nameof(CopyTableAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    public static async Task<IReadOnlyList<TableCopy>> CopyAsync(ProbeDbContext source, ProbeDbContext target,
        Action<TableCopy>? copied, CancellationToken cancellationToken)
    {
        if ((await source.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
            throw new DatabaseMoveException("the source database is from an older version: start this version on it once, then move it");
        await target.Database.MigrateAsync(cancellationToken);
        var tables = InDependencyOrder(target.Model);
        foreach (var table in tables)
        {
            if (await AnyRowsAsync(target, table, cancellationToken))
                throw new DatabaseMoveException($"the target database is not empty (table {table.GetTableName()} has rows): move into a new, empty database");
        }

        // One transaction: a copy that fails half-way leaves the target as empty as it was.
        target.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await target.Database.BeginTransactionAsync(cancellationToken);
        var result = new List<TableCopy>();
        foreach (var table in tables)
        {
            var rows = await (Task<long>)CopyTableMethod.MakeGenericMethod(table.ClrType).Invoke(null, [source, target, cancellationToken])!;
            await ContinueIdentityAsync(target, table, cancellationToken);
            var copy = new TableCopy(table.GetTableName()!, rows);
            result.Add(copy);
            copied?.Invoke(copy);
        }
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    private static async Task<long> CopyTableAsync<T>(ProbeDbContext source, ProbeDbContext target, CancellationToken cancellationToken)
        where T : class
    {
        long rows = 0;
        var batch = new List<T>(BatchSize);
        await foreach (var row in source.Set<T>().AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            batch.Add(row);
            if (batch.Count == BatchSize) rows += await WriteAsync(target, batch, cancellationToken);
        }
        return rows + await WriteAsync(target, batch, cancellationToken);
    }

    private static async Task<int> WriteAsync<T>(ProbeDbContext target, List<T> batch, CancellationToken cancellationToken) where T : class
    {
        if (batch.Count == 0) return 0;
        target.Set<T>().AddRange(batch);
        await target.SaveChangesAsync(cancellationToken);
        target.ChangeTracker.Clear();
        var count = batch.Count;
        batch.Clear();
        return count;
    }

    /// <summary>
    /// PostgreSQL's identity sequences do not move when rows come with their ids: the next insert would collide with
    /// row 1. Start each one after the highest copied id. (SQLite's AUTOINCREMENT follows explicit ids by itself.)
    /// </summary>
    private static async Task ContinueIdentityAsync(ProbeDbContext target, IEntityType table, CancellationToken cancellationToken)
    {
        if (!target.Database.IsNpgsql() || table.FindPrimaryKey()!.Properties is not [{ ValueGenerated: ValueGenerated.OnAdd } key]
            || key.ClrType != typeof(int) && key.ClrType != typeof(long)) return;
        var name = table.GetTableName()!;
        var column = key.GetColumnName(StoreObjectIdentifier.Table(name, table.GetSchema()))!;
#pragma warning disable EF1002 // Both names come from our own model, not from input.
        await target.Database.ExecuteSqlRawAsync(
            $"""SELECT setval(pg_get_serial_sequence('"{name}"', '{column}'), COALESCE(MAX("{column}"), 0) + 1, false) FROM "{name}" """,
            cancellationToken);
#pragma warning restore EF1002
    }

    private static Task<bool> AnyRowsAsync(ProbeDbContext db, IEntityType table, CancellationToken cancellationToken) =>
        (Task<bool>)typeof(DatabaseMove).GetMethod(nameof(AnyAsync), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(table.ClrType).Invoke(null, [db, cancellationToken])!;

    private static Task<bool> AnyAsync<T>(ProbeDbContext db, CancellationToken cancellationToken) where T : class =>
        db.Set<T>().AnyAsync(cancellationToken);

    /// <summary>Tables (entity types with their own table and key) with every table they reference before them.</summary>
    internal static IReadOnlyList<IEntityType> InDependencyOrder(IModel model)
    {
        var tables = model.GetEntityTypes()
            .Where(t => !t.IsOwned() && t.FindPrimaryKey() is not null && t.GetTableName() is not null && !t.HasSharedClrType)
            .OrderBy(t => t.GetTableName(), StringComparer.Ordinal)
            .ToList();
        var ordered = new List<IEntityType>();
        var placed = new HashSet<IEntityType>();
        void Place(IEntityType table, HashSet<IEntityType> visiting)
        {
            if (placed.Contains(table) || !visiting.Add(table)) return;
            foreach (var principal in table.GetForeignKeys().Select(fk => fk.PrincipalEntityType).Where(p => p != table && tables.Contains(p)))
                Place(principal, visiting);
            placed.Add(table);
            ordered.Add(table);
        }
        foreach (var table in tables) Place(table, []);
        return ordered;
    }
}
