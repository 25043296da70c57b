using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProbeDashboard.Core.Agents;
using ProbeDashboard.Core.Hosts;
using ProbeDashboard.Core.Monitors;

namespace ProbeDashboard.Core.Compat.IpLive;

internal sealed class IpLiveAppConfiguration : IEntityTypeConfiguration<IpLiveApp>
{
    public void Configure(EntityTypeBuilder<IpLiveApp> builder)
    {
        builder.ToTable("IpLiveApps");
        builder.Property(a => a.AppName).HasMaxLength(100).IsRequired();
        builder.Property(a => a.TokenHash).HasMaxLength(64).IsRequired();
        builder.Property(a => a.TokenPrefix).HasMaxLength(16);
        builder.Property(a => a.CallbackUrl).HasMaxLength(2048);
        builder.HasIndex(a => a.AppName).IsUnique();
        builder.HasIndex(a => a.TokenHash).IsUnique();
    }
}

internal sealed class IpLiveGroupConfiguration : IEntityTypeConfiguration<IpLiveGroup>
{
    public void Configure(EntityTypeBuilder<IpLiveGroup> builder)
    {
        builder.ToTable("IpLiveGroups");
        builder.Property(g => g.Protocol).HasMaxLength(10).IsRequired();
        builder.Property(g => g.Path).HasMaxLength(2048);
        builder.HasIndex(g => new { g.AppId, g.GroupId }).IsUnique();
        builder.HasOne<IpLiveApp>().WithMany().HasForeignKey(g => g.AppId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(g => g.Records).WithOne().HasForeignKey(r => r.IpLiveGroupId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IpLiveRecordConfiguration : IEntityTypeConfiguration<IpLiveRecord>
{
    public void Configure(EntityTypeBuilder<IpLiveRecord> builder)
    {
        builder.ToTable("IpLiveRecords");
        builder.Property(r => r.Ip).HasMaxLength(64).IsRequired();
        builder.HasIndex(r => new { r.IpLiveGroupId, r.RecordId }).IsUnique();
        builder.HasIndex(r => r.MonitorId).IsUnique();
        // Deleting the monitor in the dashboard forgets the record, so the app's next operate_monitor recreates it.
        builder.HasOne<MonitorDefinition>().WithMany().HasForeignKey(r => r.MonitorId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IpLiveNodeConfiguration : IEntityTypeConfiguration<IpLiveNode>
{
    public void Configure(EntityTypeBuilder<IpLiveNode> builder)
    {
        builder.ToTable("IpLiveNodes");
        builder.Property(n => n.NodeIp).HasMaxLength(64).IsRequired();
        builder.HasIndex(n => n.NodeIp).IsUnique();
        builder.HasIndex(n => n.AgentTokenId);
        builder.HasOne<ProbeHost>().WithMany().HasForeignKey(n => n.HostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AgentToken>().WithMany().HasForeignKey(n => n.AgentTokenId).OnDelete(DeleteBehavior.Cascade);
    }
}
