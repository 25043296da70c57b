using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProbeDashboard.Core.Monitors;

namespace ProbeDashboard.Core.StatusPages.Incidents;

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> builder)
    {
        builder.ToTable("StatusPageIncidents");
        builder.Property(i => i.Title).HasMaxLength(IncidentInput.MaxTitleLength).IsRequired();
        builder.Property(i => i.Body).HasMaxLength(IncidentInput.MaxBodyLength).IsRequired();
        builder.Ignore(i => i.IsOpen);
        // A deleted page takes its incidents along: they are told about on that page only.
        builder.HasOne<StatusPage>().WithMany().HasForeignKey(i => i.StatusPageId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.Monitors).WithOne().HasForeignKey(m => m.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.Updates).WithOne().HasForeignKey(u => u.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => new { i.StatusPageId, i.CreatedAt });
    }
}

internal sealed class IncidentMonitorConfiguration : IEntityTypeConfiguration<IncidentMonitor>
{
    public void Configure(EntityTypeBuilder<IncidentMonitor> builder)
    {
        builder.ToTable("StatusPageIncidentMonitors");
        builder.HasKey(m => new { m.IncidentId, m.MonitorId });
        builder.HasOne<MonitorDefinition>().WithMany().HasForeignKey(m => m.MonitorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => m.MonitorId);
    }
}

internal sealed class IncidentUpdateConfiguration : IEntityTypeConfiguration<IncidentUpdate>
{
    public void Configure(EntityTypeBuilder<IncidentUpdate> builder)
    {
        builder.ToTable("StatusPageIncidentUpdates");
        builder.Property(u => u.Body).HasMaxLength(IncidentInput.MaxBodyLength).IsRequired();
    }
}
