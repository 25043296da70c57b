using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Probing;
using ProbeDashboard.Core.Results;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Compat.IpLive;

public sealed record IpLiveDealIds(int Accepted, IReadOnlyList<int> ServerIds);

/// <summary>
/// deal: a node's results <c>[{server_id, timestamp, last_status, res_time}]</c> enter the one result pipeline
/// as results of the node's host. server_id is the monitor id the node was given (its agent task list); the call
/// answers after the results are committed.
/// </summary>
public sealed class IpLiveDeal(IDbContextFactory<ProbeDbContext> dbFactory, ResultWriter writer)
{
    public const int MaxItems = 1000;

    public async Task<IpLiveOutcome> IngestAsync(int hostId, IpLiveParams p, CancellationToken cancellationToken)
    {
        var defaultTime = IpLiveParams.ParseLong("timestamp", p.Required("timestamp"));
        var items = Items(p.Required("data"));
        if (items.Count > MaxItems) return IpLiveOutcome.Invalid($"data holds at most {MaxItems} results");

        var ids = items.Select(i => i.ServerId).Distinct().ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var monitors = await (from r in db.IpLiveRecords
                              join m in db.Monitors on r.MonitorId equals m.Id
                              where ids.Contains(m.Id)
                              select new { m.Id, m.Kind, m.Http }).ToDictionaryAsync(m => m.Id, cancellationToken);
        if (ids.FirstOrDefault(id => !monitors.ContainsKey(id)) is var unknown and > 0)
            return IpLiveOutcome.Invalid($"server_id {unknown} is not an iplive monitor");

        var results = items.Select(i =>
        {
            var monitor = monitors[i.ServerId];
            var isHttp = monitor.Kind == MonitorKind.Http;
            var success = isHttp ? ExpectedStatusCodes.Parse(monitor.Http.ExpectedStatusCodes).Contains(i.LastStatus) : i.LastStatus != 0;
            return new ProbeResult
            {
                MonitorId = i.ServerId,
                HostId = hostId,
                Timestamp = UnixTime(i.Timestamp ?? defaultTime),
                Success = success,
                LatencyMs = success || i.LatencyMs > 0 ? i.LatencyMs : 0,
                StatusCode = isHttp ? i.LastStatus : 0,
                ErrorMessage = success ? null : isHttp ? $"node reported status {i.LastStatus}" : "node reported the target down",
            };
        }).ToList();
        await writer.SubmitAsync(results, cancellationToken);
        return IpLiveOutcome.Ok(new IpLiveDealIds(results.Count, ids));
    }

    /// <summary>The seed's timestamps are unix seconds; a 13-digit one is taken as milliseconds, as some nodes send.</summary>
    private static DateTime UnixTime(long value) =>
        value >= 100_000_000_000 ? DateTime.UnixEpoch.AddMilliseconds(value) : DateTime.UnixEpoch.AddSeconds(value);

    private sealed record Item(int ServerId, long? Timestamp, int LastStatus, double LatencyMs);

    /// <summary>The seed writes every value as a string ('200', '5', ''); numbers are accepted as well.</summary>
    private static List<Item> Items(string json)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(json.Replace('\'', '"')); }
        catch (JsonException) { throw Invalid("data must be a JSON list of {server_id, timestamp, last_status, res_time}"); }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array) throw Invalid("data must be a JSON list");
            return [.. document.RootElement.EnumerateArray().Select((e, index) =>
            {
                if (e.ValueKind != JsonValueKind.Object) throw Invalid($"data[{index}] must be an object");
                var serverId = Number(e, "server_id", index) ?? throw new IpLiveParamException(IpLiveOutcome.Missing($"data[{index}].server_id"));
                var status = Number(e, "last_status", index) ?? throw new IpLiveParamException(IpLiveOutcome.Missing($"data[{index}].last_status"));
                var latency = Number(e, "res_time", index) ?? 0;
                if (serverId is < 1 or > int.MaxValue) throw Invalid($"data[{index}].server_id must be a monitor id");
                if (status is < 0 or > 999) throw Invalid($"data[{index}].last_status must be a status from 0 to 999");
                if (latency < 0) throw Invalid($"data[{index}].res_time must not be negative");
                var time = Number(e, "timestamp", index);
                return new Item((int)serverId, time is null ? null : (long)time, (int)status, Math.Round(latency, 3));
            })];
        }
    }

    private static double? Number(JsonElement item, string name, int index)
    {
        if (!item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var n) && double.IsFinite(n)) return n;
        if (value.ValueKind == JsonValueKind.String)
        {
            var text = value.GetString()!.Trim();
            if (text.Length == 0) return null;
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed)) return parsed;
        }
        throw Invalid($"data[{index}].{name} must be a number");
    }

    private static IpLiveParamException Invalid(string problem) => new(IpLiveOutcome.Invalid(problem));
}
