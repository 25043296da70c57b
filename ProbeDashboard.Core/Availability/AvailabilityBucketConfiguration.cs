using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ProbeDashboard.Core.Availability;

internal sealed class AvailabilityBucketConfiguration : IEntityTypeConfiguration<AvailabilityBucket>
{
    public void Configure(EntityTypeBuilder<AvailabilityBucket> builder)
    {
        builder.ToTable("AvailabilityBuckets");
        builder.HasKey(b => new { b.MonitorId, b.Size, b.Start, b.HostId });
        // Rollups from before maintenance was counted apart hold 0 in these: everything counted as outside a window.
        builder.Property(b => b.MaintenanceTotal).HasDefaultValue(0);
        builder.Property(b => b.MaintenanceSuccesses).HasDefaultValue(0);
    }
}
