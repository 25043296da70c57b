using ProbeDashboard.Core.Hosts;

namespace ProbeDashboard.Hosts;

/// <summary>Latest metrics: usages in percent, load averages, network speeds in bytes/s; null where not measured.</summary>
public sealed record HostMetricsWire(
    DateTime? Timestamp, double? CpuUsage, double? MemUsage, double? DiskUsage, double? Load, double? Load5, double? Load15,
    double? NetInSpeed, double? NetOutSpeed)
{
    public static HostMetricsWire From(HostMetrics m) =>
        new(m.SampledAt, m.CpuUsage, m.MemUsage, m.DiskUsage, m.Load1, m.Load5, m.Load15, m.NetInSpeed, m.NetOutSpeed);

    public static HostMetricsWire From(HostMetricSample s) =>
        new(s.Timestamp, s.CpuUsage, s.MemUsage, s.DiskUsage, s.Load1, s.Load5, s.Load15, s.NetInSpeed, s.NetOutSpeed);
}

/// <summary>
/// A host in lists. <c>status</c> is online or offline; the server's own host is always online. <c>cluster_node</c> is
/// set on a cluster node's own host (that node's machine metrics; it probes nothing and joins no group).
/// </summary>
public sealed record HostResponse(
    int Id, Guid Uuid, string Name, string Hostname, string? Addresses, string? Version, bool IsServer, string? ClusterNode, int? GroupId, string? GroupName,
    string Status, DateTime? StatusSince, DateTime? LastSeen, string Command, HostMetricsWire Metrics)
{
    public static HostResponse From(HostView view) => From(view.Host, view.GroupName);

    public static HostResponse From(ProbeHost h, string? groupName) => new(
        h.Id, h.Uuid, h.Name, h.Hostname, h.Agent.Network, h.IsServer ? null : h.Agent.Version, h.IsServer, h.ClusterNodeName, h.GroupId, groupName,
        IsOnline(h) ? "online" : "offline", h.OnlineSince, h.LastSeenAt, h.Command == AgentCommand.Stop ? "stop" : "start",
        HostMetricsWire.From(h.Metrics));

    public static bool IsOnline(ProbeHost h) => h.IsServer || h.Online;
}

/// <summary>One host with everything its agent registered (seed 003 fields and the VM facts of seed 000).</summary>
public sealed record HostDetailResponse(HostResponse Host, AgentDetailsWire? Agent, int HeartbeatInterval, DateTime CreatedAt)
{
    public static HostDetailResponse From(HostView view) => new(
        HostResponse.From(view), !view.Host.IsAgent ? null : AgentDetailsWire.From(view.Host, view.Host.Agent), view.Host.HeartbeatSeconds, view.Host.CreatedAt);
}

public sealed record AgentDetailsWire(
    string? Language, string? Version, string? ProjectName, string? Network, string? ContainerName, string? ContainerVersion,
    string? ServerAddr, string? ServerPort, string? ServerPath, string? Pid, string? VmInstanceId, string? Mac, string? NetworkPortId,
    string? HypervisorNode, bool IsVm, bool IndependentNetwork)
{
    /// <summary>The server env (Base64 environment variables) is not echoed: it may carry secrets.</summary>
    public static AgentDetailsWire From(ProbeHost host, AgentDetails a) => new(
        a.Language, a.Version, a.ProjectName, a.Network, a.ContainerName, a.ContainerVersion, a.ServerAddr, a.ServerPort, a.ServerPath,
        a.Pid, host.VmInstanceId, a.Mac, a.NetworkPortId, a.HypervisorNode, a.IsVm, a.IndependentNetwork);
}

public sealed record UpdateHostRequest(int? GroupId);

public sealed record ComponentResponse(long Id, string PackagePath, string PackageName, string PackageSignature, string PackageAlgorithm,
    DateTime FirstSeen, DateTime LastSeen);

public sealed record MethodCallSummary(long Id, DateTime ReceivedAt, string? Method, string Uri, string? Url, string? ClientIp,
    string? Language, int PoolSize)
{
    public static MethodCallSummary From(MethodCallRow r) => new(r.Id, r.ReceivedAt, r.Method, r.Uri, r.Url, r.ClientIp, r.Language, r.PoolSize);

    public static MethodCallSummary From(Core.Agents.MethodCallReport r) => new(r.Id, r.ReceivedAt, r.Method, r.Uri, r.Url, r.ClientIp, r.Language, r.PoolSize);
}

/// <summary>A method-call report with its full detail as the agent sent it.</summary>
public sealed record MethodCallResponse(MethodCallSummary Summary, System.Text.Json.JsonElement Detail);
