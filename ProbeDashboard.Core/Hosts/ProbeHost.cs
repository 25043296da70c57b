namespace ProbeDashboard.Core.Hosts;

/// <summary>A machine that runs probes: the server itself or a registered agent.</summary>
public class ProbeHost
{
    public int Id { get; set; }
    public Guid Uuid { get; set; } = Guid.NewGuid();
    public string Name { get; set; } = "";
    public string Hostname { get; set; } = "";
    /// <summary>True for the server's own built-in probe host.</summary>
    public bool IsServer { get; set; }
    public int? GroupId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LastSeenAt { get; set; }
}

public class HostGroup
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
}
