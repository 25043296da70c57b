using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Hosts;

internal sealed class ProbeHostConfiguration : IEntityTypeConfiguration<ProbeHost>
{
    public void Configure(EntityTypeBuilder<ProbeHost> builder)
    {
        builder.ToTable("Hosts");
        builder.Property(h => h.Name).HasMaxLength(200).IsRequired();
        builder.Property(h => h.Hostname).HasMaxLength(255);
        builder.Property(h => h.VmInstanceId).HasMaxLength(64);
        builder.Property(h => h.ClusterNodeName).HasMaxLength(200);
        builder.HasIndex(h => h.ClusterNodeName).IsUnique();
        builder.HasIndex(h => h.VmInstanceId);
        builder.Property(h => h.Agent).HasJsonConversion();
        builder.OwnsOne(h => h.Metrics, metrics =>
        {
            metrics.Property(m => m.SampledAt).HasColumnName("MetricsAt");
            metrics.Property(m => m.CpuUsage).HasColumnName("CpuUsage");
            metrics.Property(m => m.MemUsage).HasColumnName("MemUsage");
            metrics.Property(m => m.DiskUsage).HasColumnName("DiskUsage");
            metrics.Property(m => m.Load1).HasColumnName("Load1");
            metrics.Property(m => m.Load5).HasColumnName("Load5");
            metrics.Property(m => m.Load15).HasColumnName("Load15");
            metrics.Property(m => m.NetInSpeed).HasColumnName("NetInSpeed");
            metrics.Property(m => m.NetOutSpeed).HasColumnName("NetOutSpeed");
        });
        builder.Navigation(h => h.Metrics).IsRequired();
        builder.HasIndex(h => h.Name).IsUnique();
        builder.HasIndex(h => h.Uuid).IsUnique();
        builder.HasOne<HostGroup>().WithMany().HasForeignKey(h => h.GroupId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class HostGroupConfiguration : IEntityTypeConfiguration<HostGroup>
{
    public void Configure(EntityTypeBuilder<HostGroup> builder)
    {
        builder.ToTable("HostGroups");
        builder.Property(g => g.Name).HasMaxLength(200).IsRequired();
        builder.HasIndex(g => g.Name).IsUnique();
        builder.Property(g => g.DependsOn).HasJsonConversion().HasDefaultValueSql("'[]'");
    }
}

internal sealed class HostMetricSampleConfiguration : IEntityTypeConfiguration<HostMetricSample>
{
    public void Configure(EntityTypeBuilder<HostMetricSample> builder)
    {
        builder.ToTable("HostMetricSamples");
        // No foreign key: pruning and host deletion remove samples explicitly, in chunks.
        builder.HasIndex(s => new { s.HostId, s.Timestamp });
        builder.HasIndex(s => s.Timestamp);
    }
}
