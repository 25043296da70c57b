using System.Data.Common;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Results;

/// <summary>The part of a monitor row the writer reads and updates, without loading the whole entity.</summary>
internal sealed class MonitorRow
{
    public int Id { get; init; }
    public RoundSettings Rounds { get; init; }
    public MonitorStatus StatusBefore { get; init; }
    public MonitorCurrentState Current { get; init; } = new();
    public bool Touched { get; set; }
}

internal static class MonitorRows
{
    public static async Task<Dictionary<int, MonitorRow>> LoadAsync(DbConnection connection, SqlDialect sql, IEnumerable<int> ids, CancellationToken cancellationToken)
    {
        await using var select = connection.CreateCommand();
        select.CommandText = sql.SelectMonitorState;
        sql.AddIdSet(select, ids);
        var rows = new Dictionary<int, MonitorRow>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var status = (MonitorStatus)reader.GetInt32(2);
            rows[reader.GetInt32(0)] = new MonitorRow
            {
                Id = reader.GetInt32(0),
                Rounds = new RoundSettings(reader.GetInt32(1), reader.IsDBNull(6) ? null : reader.GetInt32(6),
                    EachResultIsARound: reader.GetInt32(7) == (int)MonitorKind.Push,
                    RetryIntervalSeconds: reader.IsDBNull(8) ? null : reader.GetInt32(8), FailThreshold: reader.GetInt32(9)),
                StatusBefore = status,
                Current = new MonitorCurrentState
                {
                    Status = status,
                    StatusSince = Utc(reader, 3),
                    LastProbeAt = Utc(reader, 4),
                    ConsecutiveFailures = reader.GetInt32(5),
                },
            };
        }
        return rows;
    }

    public static async Task SaveAsync(DbConnection connection, IEnumerable<MonitorRow> rows, CancellationToken cancellationToken)
    {
        await using var update = connection.CreateCommand();
        update.CommandText = SqlDialect.UpdateMonitorState;
        var id = SqlDialect.Parameter(update, "@id");
        var status = SqlDialect.Parameter(update, "@status");
        var since = SqlDialect.Parameter(update, "@since");
        var at = SqlDialect.Parameter(update, "@at");
        var success = SqlDialect.Parameter(update, "@success");
        var latency = SqlDialect.Parameter(update, "@latency");
        var code = SqlDialect.Parameter(update, "@code");
        var error = SqlDialect.Parameter(update, "@error");
        var failures = SqlDialect.Parameter(update, "@failures");
        foreach (var row in rows)
        {
            var current = row.Current;
            id.Value = row.Id;
            status.Value = (int)current.Status;
            since.Value = (object?)current.StatusSince ?? DBNull.Value;
            at.Value = (object?)current.LastProbeAt ?? DBNull.Value;
            success.Value = (object?)current.LastSuccess ?? DBNull.Value;
            latency.Value = (object?)current.LastLatencyMs ?? DBNull.Value;
            code.Value = (object?)current.LastStatusCode ?? DBNull.Value;
            error.Value = (object?)current.LastError?[..Math.Min(current.LastError.Length, 500)] ?? DBNull.Value;
            failures.Value = current.ConsecutiveFailures;
            await update.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static DateTime? Utc(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc);
}

internal static class BucketUpserts
{
    public static async Task RunAsync(DbConnection connection, SqlDialect sql, IEnumerable<Availability.AvailabilityBucket> buckets, CancellationToken cancellationToken)
    {
        await using var upsert = connection.CreateCommand();
        upsert.CommandText = sql.UpsertBucket;
        var monitor = SqlDialect.Parameter(upsert, "@monitor");
        var host = SqlDialect.Parameter(upsert, "@host");
        var size = SqlDialect.Parameter(upsert, "@size");
        var start = SqlDialect.Parameter(upsert, "@start");
        var total = SqlDialect.Parameter(upsert, "@total");
        var successes = SqlDialect.Parameter(upsert, "@successes");
        var maintenanceTotal = SqlDialect.Parameter(upsert, "@mtotal");
        var maintenanceSuccesses = SqlDialect.Parameter(upsert, "@msuccesses");
        var sum = SqlDialect.Parameter(upsert, "@sum");
        var min = SqlDialect.Parameter(upsert, "@min");
        var max = SqlDialect.Parameter(upsert, "@max");
        foreach (var bucket in buckets)
        {
            monitor.Value = bucket.MonitorId;
            host.Value = bucket.HostId;
            size.Value = (int)bucket.Size;
            start.Value = bucket.Start;
            total.Value = bucket.Total;
            successes.Value = bucket.Successes;
            maintenanceTotal.Value = bucket.MaintenanceTotal;
            maintenanceSuccesses.Value = bucket.MaintenanceSuccesses;
            sum.Value = bucket.LatencySumMs;
            min.Value = (object?)bucket.LatencyMinMs ?? DBNull.Value;
            max.Value = (object?)bucket.LatencyMaxMs ?? DBNull.Value;
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
