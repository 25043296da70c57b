using System.Data.Common;

namespace ProbeDashboard.Core.Results;

/// <summary>
/// One statement run once per row, as the writer does for results, buckets and monitor rows. Where the provider can
/// batch (<see cref="DbConnection.CanCreateBatch"/>: Npgsql) all rows go in ONE <see cref="DbBatch"/>, i.e. one network
/// round trip instead of one per row; elsewhere (in-process SQLite) one reused command runs per row, which costs no
/// round trip there.
/// </summary>
internal sealed class RowStatement(string commandText, params string[] parameterNames)
{
    /// <summary>Runs the statement for every row; <paramref name="valuesOf"/> gives a row's values in parameter order.</summary>
    public async Task ExecuteAsync<TRow>(DbConnection connection, DbTransaction transaction, IEnumerable<TRow> rows,
        Func<TRow, object?[]> valuesOf, CancellationToken cancellationToken)
    {
        if (connection.CanCreateBatch)
        {
            await using var batch = CreateBatch(connection, transaction, rows, valuesOf);
            if (batch.BatchCommands.Count > 0) await batch.ExecuteNonQueryAsync(cancellationToken);
            return;
        }
        await using var command = CreateCommand(connection, transaction);
        foreach (var row in rows)
        {
            Bind(command.Parameters, valuesOf(row));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Runs the statement for every row and returns each row's single scalar (an <c>INSERT … RETURNING "Id"</c>), in
    /// the rows' order.
    /// </summary>
    public async Task<List<long>> ExecuteScalarsAsync<TRow>(DbConnection connection, DbTransaction transaction, IReadOnlyList<TRow> rows,
        Func<TRow, object?[]> valuesOf, CancellationToken cancellationToken)
    {
        var scalars = new List<long>(rows.Count);
        if (rows.Count == 0) return scalars;
        if (connection.CanCreateBatch)
        {
            await using var batch = CreateBatch(connection, transaction, rows, valuesOf);
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            // One result set per batch command, in the commands' order.
            do
            {
                while (await reader.ReadAsync(cancellationToken)) scalars.Add(Convert.ToInt64(reader.GetValue(0)));
            }
            while (await reader.NextResultAsync(cancellationToken));
        }
        else
        {
            await using var command = CreateCommand(connection, transaction);
            foreach (var row in rows)
            {
                Bind(command.Parameters, valuesOf(row));
                scalars.Add(Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken)));
            }
        }
        if (scalars.Count != rows.Count)
            throw new InvalidOperationException($"Expected one value per row ({rows.Count}), got {scalars.Count}.");
        return scalars;
    }

    private DbBatch CreateBatch<TRow>(DbConnection connection, DbTransaction transaction, IEnumerable<TRow> rows, Func<TRow, object?[]> valuesOf)
    {
        var batch = connection.CreateBatch();
        batch.Transaction = transaction;
        foreach (var row in rows)
        {
            var command = batch.CreateBatchCommand();
            command.CommandText = commandText;
            foreach (var name in parameterNames)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                command.Parameters.Add(parameter);
            }
            Bind(command.Parameters, valuesOf(row));
            batch.BatchCommands.Add(command);
        }
        return batch;
    }

    private DbCommand CreateCommand(DbConnection connection, DbTransaction transaction)
    {
        var command = connection.CreateCommand();
        command.CommandText = commandText;
        command.Transaction = transaction;
        foreach (var name in parameterNames) Storage.SqlDialect.Parameter(command, name);
        return command;
    }

    /// <summary>Untyped parameters (see <see cref="Storage.SqlDialect.Parameter"/>); null becomes <see cref="DBNull"/>.</summary>
    private void Bind(DbParameterCollection parameters, object?[] values)
    {
        if (values.Length != parameterNames.Length)
            throw new ArgumentException($"{parameterNames.Length} parameters, {values.Length} values.", nameof(values));
        for (var i = 0; i < values.Length; i++) parameters[i].Value = values[i] ?? DBNull.Value;
    }
}
