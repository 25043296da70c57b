using System.Text.Json.Serialization;
using ProbeDashboard.Core.Events;
using ProbeDashboard.Monitors;

namespace ProbeDashboard.Realtime.Feeds;

/// <summary>Seed 001 §5.2 push message.</summary>
public sealed record ProbeResultMessage(int ServiceId, ProbeResultData Data)
{
    public const string TypeName = "probe_result";

    [JsonPropertyOrder(-1)]
    public string Type => TypeName;
}

/// <param name="Latency">Seconds, as everywhere in /api/v1.</param>
/// <param name="StatusCode">HTTP status; 0 for TCP/ICMP or when no response arrived (as in the probe history API).</param>
public sealed record ProbeResultData(DateTime Timestamp, int HostId, bool Success, double Latency, int StatusCode);

/// <summary>One <c>probe_result</c> per committed result, filtered by service (monitor) id.</summary>
public sealed class ProbeResultMapper : IRealtimeMapper<ProbeResultsCommitted>
{
    public IEnumerable<RealtimePush> Map(ProbeResultsCommitted evt) =>
        evt.Results.Select(r => RealtimePush.ForId(RealtimeStream.ServiceProbe, r.MonitorId, ProbeResultMessage.TypeName,
            new ProbeResultMessage(r.MonitorId,
                new ProbeResultData(r.Timestamp, r.HostId, r.Success, WireNumbers.Seconds(r.LatencyMs), r.StatusCode))));
}
