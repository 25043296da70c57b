namespace ProbeDashboard.Core.Hosts;

/// <summary>A machine that runs probes: the server itself or a registered agent (seed 003 registration).</summary>
public class ProbeHost
{
    public int Id { get; set; }
    public Guid Uuid { get; set; } = Guid.NewGuid();
    /// <summary>Unique; for an agent the seed's name (osName-hostname-version-id), by which it re-registers.</summary>
    public string Name { get; set; } = "";
    public string Hostname { get; set; } = "";
    /// <summary>True for the server's own built-in probe host.</summary>
    public bool IsServer { get; set; }

    /// <summary>
    /// Set on the row that holds one cluster node's own machine metrics (its Cluster:NodeName): not a probe target,
    /// never placed in a group or on a monitor, no agent behind it. Null for the server host and for agents.
    /// </summary>
    public string? ClusterNodeName { get; set; }

    /// <summary>An agent (or iplive node) that probes and can be started, stopped, grouped and placed on monitors.</summary>
    public bool IsAgent => !IsServer && ClusterNodeName is null;
    public int? GroupId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LastSeenAt { get; set; }

    /// <summary>The VM this agent runs in (seed 000's instance_id); a column of its own so the probe-flow registry can look it up.</summary>
    public string? VmInstanceId { get; set; }

    /// <summary>The agent's own description of itself, as it registered.</summary>
    public AgentDetails Agent { get; set; } = new();

    /// <summary>Seconds between the agent's heartbeats; three missed ones make the host offline.</summary>
    public int HeartbeatSeconds { get; set; } = 5;
    public bool Online { get; set; }
    /// <summary>When <see cref="Online"/> last changed.</summary>
    public DateTime? OnlineSince { get; set; }
    /// <summary>What the agent reads from <c>/api/v1/engine/startstop</c>: probe or pause.</summary>
    public AgentCommand Command { get; set; } = AgentCommand.Start;

    /// <summary>The latest heartbeat's metrics; history is in <see cref="HostMetricSample"/>.</summary>
    public HostMetrics Metrics { get; set; } = new();
}

public enum AgentCommand
{
    Start = 0,
    Stop = 1,
}

/// <summary>Registration fields of seed 003 plus the VM facts the probe-flow registry (seed 000) needs. Stored as JSON.</summary>
public class AgentDetails
{
    public string? Language { get; set; }
    public string? Version { get; set; }
    public string? ProjectName { get; set; }
    /// <summary>The host's addresses as the agent reported them (the seed's <c>network</c>).</summary>
    public string? Network { get; set; }
    public string? ContainerName { get; set; }
    public string? ContainerVersion { get; set; }
    public string? ServerAddr { get; set; }
    public string? ServerPort { get; set; }
    public string? ServerPath { get; set; }
    /// <summary>Base64, as sent.</summary>
    public string? ServerEnv { get; set; }
    public string? Pid { get; set; }
    public string? Mac { get; set; }
    public string? NetworkPortId { get; set; }
    public string? HypervisorNode { get; set; }
    public bool IsVm { get; set; }
    public bool IndependentNetwork { get; set; }
}

/// <summary>One heartbeat's host metrics; null where the agent did not send the value.</summary>
public class HostMetrics
{
    public DateTime? SampledAt { get; set; }
    /// <summary>Percent 0–100.</summary>
    public double? CpuUsage { get; set; }
    public double? MemUsage { get; set; }
    public double? DiskUsage { get; set; }
    public double? Load1 { get; set; }
    public double? Load5 { get; set; }
    public double? Load15 { get; set; }
    /// <summary>Bytes per second.</summary>
    public double? NetInSpeed { get; set; }
    public double? NetOutSpeed { get; set; }

    /// <summary>The values that are present, under the metric names alert conditions use.</summary>
    public IReadOnlyDictionary<string, double> ToAlertMetrics()
    {
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        void Put(string name, double? value) { if (value is { } v) metrics[name] = v; }
        Put("cpu_usage", CpuUsage);
        Put("mem_usage", MemUsage);
        Put("disk_usage", DiskUsage);
        Put("load", Load1);
        Put("load5", Load5);
        Put("load15", Load15);
        Put("net_in_speed", NetInSpeed);
        Put("net_out_speed", NetOutSpeed);
        return metrics;
    }
}

public class HostGroup
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    /// <summary>
    /// Monitors the group's hosts depend on (the site's uplink): while one is offline, host-metric alerts of the
    /// group's hosts are suppressed. Sorted, distinct.
    /// </summary>
    public List<int> DependsOn { get; set; } = [];
}

/// <summary>One heartbeat kept for charts; pruned after <see cref="HostOptions.MetricsRetentionHours"/>.</summary>
public class HostMetricSample
{
    public long Id { get; set; }
    public int HostId { get; set; }
    public DateTime Timestamp { get; set; }
    public double? CpuUsage { get; set; }
    public double? MemUsage { get; set; }
    public double? DiskUsage { get; set; }
    public double? Load1 { get; set; }
    public double? Load5 { get; set; }
    public double? Load15 { get; set; }
    public double? NetInSpeed { get; set; }
    public double? NetOutSpeed { get; set; }

    public static HostMetricSample Of(int hostId, DateTime at, HostMetrics m) => new()
    {
        HostId = hostId, Timestamp = at, CpuUsage = m.CpuUsage, MemUsage = m.MemUsage, DiskUsage = m.DiskUsage,
        Load1 = m.Load1, Load5 = m.Load5, Load15 = m.Load15, NetInSpeed = m.NetInSpeed, NetOutSpeed = m.NetOutSpeed,
    };
}
