using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ProbeDashboard.Core.Hosts;

internal sealed class ProbeHostConfiguration : IEntityTypeConfiguration<ProbeHost>
{
    public void Configure(EntityTypeBuilder<ProbeHost> builder)
    {
        builder.ToTable("Hosts");
        builder.Property(h => h.Name).HasMaxLength(200).IsRequired();
        builder.Property(h => h.Hostname).HasMaxLength(255);
        builder.HasIndex(h => h.Name).IsUnique();
        builder.HasIndex(h => h.Uuid).IsUnique();
    }
}

internal sealed class HostGroupConfiguration : IEntityTypeConfiguration<HostGroup>
{
    public void Configure(EntityTypeBuilder<HostGroup> builder)
    {
        builder.ToTable("HostGroups");
        builder.Property(g => g.Name).HasMaxLength(200).IsRequired();
        builder.HasIndex(g => g.Name).IsUnique();
    }
}
