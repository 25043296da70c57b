namespace ProbeDashboard.Core.Egress;

/// <summary>
/// Which addresses the server (and an agent) may connect to. Section "Egress", one set of rules for probes and one
/// for webhooks, because probing the LAN is the point while a webhook has little reason to reach it.
/// </summary>
public class EgressOptions
{
    public const string Section = "Egress";

    public EgressRules Probes { get; set; } = new();

    public EgressRules Webhooks { get; set; } = new();
}

public enum EgressProfile
{
    /// <summary>Refuses link-local and cloud metadata addresses; private ranges and loopback are allowed.</summary>
    Default,

    /// <summary>Also refuses private ranges (RFC 1918, CGNAT, IPv6 ULA) and loopback.</summary>
    Strict,
}

public class EgressRules
{
    public EgressProfile Profile { get; set; } = EgressProfile.Default;

    /// <summary>CIDR ranges always allowed, even where the profile refuses them (a device on a link-local address).</summary>
    public List<string> Allow { get; set; } = [];

    /// <summary>CIDR ranges always refused; a deny beats an allow.</summary>
    public List<string> Deny { get; set; } = [];
}

/// <summary>Which outgoing traffic a connection belongs to.</summary>
public enum EgressScope
{
    Probes,
    Webhooks,
}
