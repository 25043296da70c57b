namespace ProbeDashboard.Core.Agents.Runtime;

/// <summary>Settings of the agent mode, from its command line (<c>--server</c>, <c>--token</c>, ...).</summary>
public sealed class AgentOptions
{
    public required Uri Server { get; init; }
    public required string Token { get; init; }
    /// <summary>The seed's agent name; by default linux-hostname-version-id, with the id kept in the data directory.</summary>
    public required string Name { get; init; }
    public required string DataDirectory { get; init; }
    public int HeartbeatSeconds { get; init; } = 5;
    /// <summary>How often the task list is checked for changes (a cheap request while nothing changed).</summary>
    public int TaskRefreshSeconds { get; init; } = 5;
    /// <summary>How often start/stop is polled; seed 003 says every second.</summary>
    public int CommandPollSeconds { get; init; } = 1;
    public int UploadBatchSize { get; init; } = 200;
    /// <summary>Results kept on disk while the server is unreachable; the oldest are dropped beyond this.</summary>
    public int SpoolCapacity { get; init; } = 200_000;
    public int MaxConcurrentProbes { get; init; } = 200;

    /// <summary>VM facts for the probe-flow registry (seed 000); all optional.</summary>
    public string? VmInstanceId { get; init; }
    public string? Mac { get; init; }
    public string? NetworkPortId { get; init; }
    public string? HypervisorNode { get; init; }
    public bool IsVm { get; init; }
    public bool IndependentNetwork { get; init; }
}
