using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProbeDashboard.Core.Hosts;

namespace ProbeDashboard.Core.Compat.ProbeFlows;

/// <summary>
/// A probe flow of seed 000 (its table "probe_flows", section 3): the traffic of one agent VM mirrored to the
/// probe proxy. The instance facts are copied from the agent's registration when the flow is created.
/// </summary>
public class ProbeFlow
{
    /// <summary>A UUID string, as the seed's String(36) key.</summary>
    public string Id { get; set; } = "";
    public string InstanceId { get; set; } = "";
    public string InstanceName { get; set; } = "";
    public string InstanceIp { get; set; } = "";
    public string InstanceMac { get; set; } = "";
    public string InstancePort { get; set; } = "";
    /// <summary>The hypervisor node (the seed's <c>phy_node</c>, <c>host</c> in the create answer).</summary>
    public string PhyNode { get; set; } = "";
    public string ProxyIp { get; set; } = "";
    /// <summary>The agent host the instance belongs to.</summary>
    public int HostId { get; set; }
    public DateTime CreatedAt { get; set; }
}

internal sealed class ProbeFlowConfiguration : IEntityTypeConfiguration<ProbeFlow>
{
    public void Configure(EntityTypeBuilder<ProbeFlow> builder)
    {
        builder.ToTable("ProbeFlows");
        builder.Property(f => f.Id).HasMaxLength(36);
        builder.Property(f => f.InstanceId).HasMaxLength(64).IsRequired();
        builder.Property(f => f.InstanceName).HasMaxLength(255).IsRequired();
        builder.Property(f => f.InstanceIp).HasMaxLength(64).IsRequired();
        builder.Property(f => f.InstanceMac).HasMaxLength(64).IsRequired();
        builder.Property(f => f.InstancePort).HasMaxLength(1000).IsRequired();
        builder.Property(f => f.PhyNode).HasMaxLength(1000).IsRequired();
        builder.Property(f => f.ProxyIp).HasMaxLength(64).IsRequired();
        builder.HasIndex(f => f.InstanceId).IsUnique();
        builder.HasOne<ProbeHost>().WithMany().HasForeignKey(f => f.HostId).OnDelete(DeleteBehavior.Cascade);
    }
}
