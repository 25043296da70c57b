using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Alerts.Escalation;

internal sealed class EscalationPolicyConfiguration : IEntityTypeConfiguration<EscalationPolicy>
{
    public void Configure(EntityTypeBuilder<EscalationPolicy> builder)
    {
        builder.ToTable("EscalationPolicies");
        builder.Property(p => p.Name).HasMaxLength(200).IsRequired();
        builder.HasIndex(p => p.Name).IsUnique();
        builder.Property(p => p.Steps).HasJsonConversion().HasMaxLength(8000);
        builder.Ignore(p => p.GroupIds);
    }
}

internal sealed class EscalationNoticeConfiguration : IEntityTypeConfiguration<EscalationNotice>
{
    public void Configure(EntityTypeBuilder<EscalationNotice> builder)
    {
        builder.ToTable("EscalationNotices");
        builder.Property(n => n.Status).IsConcurrencyToken();
        builder.Property(n => n.CancelReason).HasMaxLength(100);
        // No foreign keys: the timeline outlives a deleted policy, and events are only ever resolved, not deleted while open.
        builder.HasIndex(n => new { n.Status, n.DueAt });
        builder.HasIndex(n => new { n.AlertEventId, n.Sequence }).IsUnique();
    }
}
