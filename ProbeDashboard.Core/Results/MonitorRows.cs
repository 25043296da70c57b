using Microsoft.Data.Sqlite;
using ProbeDashboard.Core.Monitors;

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
    public static async Task<Dictionary<int, MonitorRow>> LoadAsync(SqliteConnection connection, IEnumerable<int> ids, CancellationToken cancellationToken)
    {
        await using var select = connection.CreateCommand();
        // json_each turns one JSON array parameter into a set: no SQL text per batch size, no 999-parameter limit.
        select.CommandText = """
            SELECT Id, IntervalSeconds, CurrentStatus, StatusSince, LastProbeAt, ConsecutiveFailures, FailQuorum
            FROM Monitors WHERE Id IN (SELECT value FROM json_each($ids))
            """;
        select.Parameters.AddWithValue("$ids", "[" + string.Join(",", ids) + "]");
        var rows = new Dictionary<int, MonitorRow>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var status = (MonitorStatus)reader.GetInt32(2);
            rows[reader.GetInt32(0)] = new MonitorRow
            {
                Id = reader.GetInt32(0),
                Rounds = new RoundSettings(reader.GetInt32(1), reader.IsDBNull(6) ? null : reader.GetInt32(6)),
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

    public static async Task SaveAsync(SqliteConnection connection, IEnumerable<MonitorRow> rows, CancellationToken cancellationToken)
    {
        await using var update = connection.CreateCommand();
        update.CommandText = """
            UPDATE Monitors SET CurrentStatus = $status, StatusSince = $since, LastProbeAt = $at, LastSuccess = $success,
                LastLatencyMs = $latency, LastStatusCode = $code, LastError = $error, ConsecutiveFailures = $failures
            WHERE Id = $id
            """;
        var id = update.Parameters.Add("$id", SqliteType.Integer);
        var status = update.Parameters.Add("$status", SqliteType.Integer);
        var since = update.Parameters.Add("$since", SqliteType.Text);
        var at = update.Parameters.Add("$at", SqliteType.Text);
        var success = update.Parameters.Add("$success", SqliteType.Integer);
        var latency = update.Parameters.Add("$latency", SqliteType.Real);
        var code = update.Parameters.Add("$code", SqliteType.Integer);
        var error = update.Parameters.Add("$error", SqliteType.Text);
        var failures = update.Parameters.Add("$failures", SqliteType.Integer);
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

    private static DateTime? Utc(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc);
}

internal static class BucketUpserts
{
    public static async Task RunAsync(SqliteConnection connection, IEnumerable<Availability.AvailabilityBucket> buckets, CancellationToken cancellationToken)
    {
        await using var upsert = connection.CreateCommand();
        // min()/max() of SQLite return NULL if either side is NULL, hence the coalesce pairs: a bucket that had
        // only failures so far (NULL) takes the batch's value and vice versa.
        upsert.CommandText = """
            INSERT INTO AvailabilityBuckets (MonitorId, HostId, Size, Start, Total, Successes, LatencySumMs, LatencyMinMs, LatencyMaxMs)
            VALUES ($monitor, $host, $size, $start, $total, $successes, $sum, $min, $max)
            ON CONFLICT (MonitorId, Size, Start, HostId) DO UPDATE SET
                Total = Total + excluded.Total,
                Successes = Successes + excluded.Successes,
                LatencySumMs = LatencySumMs + excluded.LatencySumMs,
                LatencyMinMs = min(coalesce(LatencyMinMs, excluded.LatencyMinMs), coalesce(excluded.LatencyMinMs, LatencyMinMs)),
                LatencyMaxMs = max(coalesce(LatencyMaxMs, excluded.LatencyMaxMs), coalesce(excluded.LatencyMaxMs, LatencyMaxMs))
            """;
        var monitor = upsert.Parameters.Add("$monitor", SqliteType.Integer);
        var host = upsert.Parameters.Add("$host", SqliteType.Integer);
        var size = upsert.Parameters.Add("$size", SqliteType.Integer);
        var start = upsert.Parameters.Add("$start", SqliteType.Text);
        var total = upsert.Parameters.Add("$total", SqliteType.Integer);
        var successes = upsert.Parameters.Add("$successes", SqliteType.Integer);
        var sum = upsert.Parameters.Add("$sum", SqliteType.Real);
        var min = upsert.Parameters.Add("$min", SqliteType.Real);
        var max = upsert.Parameters.Add("$max", SqliteType.Real);
        foreach (var bucket in buckets)
        {
            monitor.Value = bucket.MonitorId;
            host.Value = bucket.HostId;
            size.Value = (int)bucket.Size;
            start.Value = bucket.Start;
            total.Value = bucket.Total;
            successes.Value = bucket.Successes;
            sum.Value = bucket.LatencySumMs;
            min.Value = (object?)bucket.LatencyMinMs ?? DBNull.Value;
            max.Value = (object?)bucket.LatencyMaxMs ?? DBNull.Value;
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
