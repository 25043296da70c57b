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

    private static readonly RowStatement Update = new(SqlDialect.UpdateMonitorState,
        "@id", "@status", "@since", "@at", "@success", "@latency", "@code", "@error", "@failures");

    public static Task SaveAsync(DbConnection connection, DbTransaction transaction, IEnumerable<MonitorRow> rows, CancellationToken cancellationToken) =>
        Update.ExecuteAsync(connection, transaction, rows, UpdateValues, cancellationToken);

    private static object?[] UpdateValues(MonitorRow row)
    {
        var current = row.Current;
        return
        [
            row.Id, (int)current.Status, current.StatusSince, current.LastProbeAt, current.LastSuccess, current.LastLatencyMs,
            current.LastStatusCode, current.LastError?[..Math.Min(current.LastError.Length, 500)], current.ConsecutiveFailures,
        ];
    }

    private static DateTime? Utc(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc);
}

internal static class BucketUpserts
{
    public static Task RunAsync(DbConnection connection, DbTransaction transaction, SqlDialect sql, IEnumerable<Availability.AvailabilityBucket> buckets,
        CancellationToken cancellationToken) =>
        new RowStatement(sql.UpsertBucket, "@monitor", "@host", "@size", "@start", "@total", "@successes", "@mtotal", "@msuccesses", "@sum", "@min", "@max")
            .ExecuteAsync(connection, transaction, buckets, bucket =>
            [
                bucket.MonitorId, bucket.HostId, (int)bucket.Size, bucket.Start, bucket.Total, bucket.Successes, bucket.MaintenanceTotal,
                bucket.MaintenanceSuccesses, bucket.LatencySumMs, bucket.LatencyMinMs, bucket.LatencyMaxMs,
            ], cancellationToken);
}
