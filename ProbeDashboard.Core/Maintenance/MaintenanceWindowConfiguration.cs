using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProbeDashboard.Core.Hosts;
using ProbeDashboard.Core.Monitors;

namespace ProbeDashboard.Core.Maintenance;

internal sealed class MaintenanceWindowConfiguration : IEntityTypeConfiguration<MaintenanceWindow>
{
    public void Configure(EntityTypeBuilder<MaintenanceWindow> builder)
    {
        builder.ToTable("MaintenanceWindows");
        builder.Property(w => w.Title).HasMaxLength(MaintenanceWindowInput.MaxTitleLength).IsRequired();
        builder.Property(w => w.Description).HasMaxLength(MaintenanceWindowInput.MaxTextLength);
        builder.Property(w => w.Cron).HasMaxLength(200);
        builder.Property(w => w.TimeZone).HasMaxLength(100);
        builder.Ignore(w => w.Schedule);
        builder.HasMany(w => w.Monitors).WithOne().HasForeignKey(m => m.MaintenanceWindowId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(w => w.HostGroups).WithOne().HasForeignKey(g => g.MaintenanceWindowId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MaintenanceWindowMonitorConfiguration : IEntityTypeConfiguration<MaintenanceWindowMonitor>
{
    public void Configure(EntityTypeBuilder<MaintenanceWindowMonitor> builder)
    {
        builder.ToTable("MaintenanceWindowMonitors");
        builder.HasKey(m => new { m.MaintenanceWindowId, m.MonitorId });
        // A deleted monitor leaves every window, so no window names a monitor that is gone.
        builder.HasOne<MonitorDefinition>().WithMany().HasForeignKey(m => m.MonitorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => m.MonitorId);
    }
}

internal sealed class MaintenanceWindowHostGroupConfiguration : IEntityTypeConfiguration<MaintenanceWindowHostGroup>
{
    public void Configure(EntityTypeBuilder<MaintenanceWindowHostGroup> builder)
    {
        builder.ToTable("MaintenanceWindowHostGroups");
        builder.HasKey(g => new { g.MaintenanceWindowId, g.HostGroupId });
        builder.HasOne<HostGroup>().WithMany().HasForeignKey(g => g.HostGroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(g => g.HostGroupId);
    }
}
