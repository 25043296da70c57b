using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ProbeDashboard.Core.Results;

internal sealed class ProbeResultConfiguration : IEntityTypeConfiguration<ProbeResult>
{
    public void Configure(EntityTypeBuilder<ProbeResult> builder)
    {
        builder.ToTable("ProbeResults");
        builder.Property(r => r.ErrorMessage).HasMaxLength(ProbeResult.MaxMessageLength);
        builder.Property(r => r.CertificateSubject).HasMaxLength(Probing.SeenCertificate.MaxNameLength);
        builder.Property(r => r.CertificateIssuer).HasMaxLength(Probing.SeenCertificate.MaxNameLength);
        // No foreign key to Monitors: a batch in flight for a monitor deleted a moment ago must not fail
        // the whole transaction. Deleting a monitor deletes its results explicitly.
        builder.HasIndex(r => new { r.MonitorId, r.Timestamp });
        builder.HasIndex(r => r.Timestamp);
    }
}
