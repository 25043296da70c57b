using System.Text.Json.Serialization;
using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Monitors;

namespace ProbeDashboard.Realtime.Feeds;

/// <summary>Seed 001 §5.1 push message.</summary>
public sealed record HostStateMessage(int HostId, HostStateData Data)
{
    public const string TypeName = "host_state";

    [JsonPropertyOrder(-1)]
    public string Type => TypeName;
}

/// <summary>Usages in percent, network speeds in bytes per second; null when the agent did not report the metric.</summary>
public sealed record HostStateData(
    DateTime Timestamp, double? CpuUsage, double? MemUsage, double? DiskUsage, double? NetInSpeed, double? NetOutSpeed);

/// <summary>One <c>host_state</c> per metrics sample (an agent heartbeat), filtered by host id.</summary>
public sealed class HostStateMapper : IRealtimeMapper<HostMetricsSampled>
{
    public IEnumerable<RealtimePush> Map(HostMetricsSampled evt)
    {
        double? Percent(string name) => WireNumbers.Percent(evt.Metrics.TryGetValue(name, out var value) ? value : null);
        double? Speed(string name) => evt.Metrics.TryGetValue(name, out var value) ? Math.Round(value) : null;

        var data = new HostStateData(evt.Timestamp, Percent("cpu_usage"), Percent("mem_usage"), Percent("disk_usage"),
            Speed("net_in_speed"), Speed("net_out_speed"));
        yield return RealtimePush.ForId(RealtimeStream.HostMonitor, evt.HostId, HostStateMessage.TypeName, new HostStateMessage(evt.HostId, data));
    }
}
