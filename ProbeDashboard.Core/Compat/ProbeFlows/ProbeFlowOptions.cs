namespace ProbeDashboard.Core.Compat.ProbeFlows;

/// <summary>Settings of the probe-flow registry (seed 000). Section "ProbeFlows".</summary>
public class ProbeFlowOptions
{
    public const string Section = "ProbeFlows";

    /// <summary>The proxy address every flow reports as <c>proxy_ip</c>; empty: creating flows is refused.</summary>
    public string? ProxyIp { get; set; }
}
