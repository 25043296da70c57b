using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ProbeDashboard.Core.Cluster;

/// <summary>
/// One server process of a cluster, as it last reported itself. A row per process start (a restarted node is a new
/// row; the old one shows as not live until it is forgotten), so two processes can never share an identity by accident.
/// </summary>
public class ClusterNode
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string Address { get; set; } = "";
    public string Version { get; set; } = "";
    /// <summary>The newest migration this node's build knows: a node that sees a newer one stops (it runs an older build).</summary>
    public string SchemaVersion { get; set; } = "";
    public DateTime StartedAt { get; set; }
    public DateTime LastHeartbeatAt { get; set; }
    /// <summary>The node owns rounds from here on (its first heartbeat plus the join delay).</summary>
    public DateTime OwnsFrom { get; set; }
    /// <summary>Set when the node stops on purpose: it owns nothing from then on, without waiting for the failover.</summary>
    public DateTime? LeftAt { get; set; }
    /// <summary>(monitor, host) rounds this node owned at its last heartbeat.</summary>
    public int RoundsOwned { get; set; }
    /// <summary>Probe rounds started per second over the last heartbeat period.</summary>
    public double ProbesPerSecond { get; set; }
}

internal sealed class ClusterNodeConfiguration : IEntityTypeConfiguration<ClusterNode>
{
    public void Configure(EntityTypeBuilder<ClusterNode> builder)
    {
        builder.ToTable("ClusterNodes");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Name).HasMaxLength(200).IsRequired();
        builder.Property(n => n.Address).HasMaxLength(500).IsRequired();
        builder.Property(n => n.Version).HasMaxLength(100).IsRequired();
        builder.Property(n => n.SchemaVersion).HasMaxLength(200).IsRequired();
        builder.HasIndex(n => n.LastHeartbeatAt);
    }
}
