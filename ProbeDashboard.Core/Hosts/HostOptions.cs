using System.ComponentModel.DataAnnotations;

namespace ProbeDashboard.Core.Hosts;

public class HostOptions
{
    public const string Section = "Hosts";

    /// <summary>Heartbeat interval assumed for an agent that does not say (the agent sends its own at registration).</summary>
    [Range(1, 3600)]
    public int DefaultHeartbeatSeconds { get; set; } = 5;

    /// <summary>How often hosts are checked for missed heartbeats, in seconds.</summary>
    [Range(1, 600)]
    public int LivenessCheckSeconds { get; set; } = 2;

    /// <summary>Hours of heartbeat history kept for charts (and of method-call reports).</summary>
    [Range(1, 24 * 366)]
    public int MetricsRetentionHours { get; set; } = 24 * 7;

    /// <summary>Seconds between the server's own metric samples (in a cluster, each node's on its own node host); 0 turns them off.</summary>
    [Range(0, 3600)]
    public int ServerMetricsSeconds { get; set; } = 10;
}
