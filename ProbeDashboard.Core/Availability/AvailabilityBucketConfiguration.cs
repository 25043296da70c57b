using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ProbeDashboard.Core.Availability;

internal sealed class AvailabilityBucketConfiguration : IEntityTypeConfiguration<AvailabilityBucket>
{
    public void Configure(EntityTypeBuilder<AvailabilityBucket> builder)
    {
        builder.ToTable("AvailabilityBuckets");
        builder.HasKey(b => new { b.MonitorId, b.Size, b.Start, b.HostId });
    }
}
