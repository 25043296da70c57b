using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ProbeDashboard.Core.Alerts;

internal sealed class AlertRuleConfiguration : IEntityTypeConfiguration<AlertRule>
{
    public void Configure(EntityTypeBuilder<AlertRule> builder)
    {
        builder.ToTable("AlertRules");
        builder.Property(r => r.Name).HasMaxLength(200).IsRequired();
        builder.Property(r => r.Condition).HasMaxLength(1000).IsRequired();
        builder.Ignore(r => r.ParsedCondition);
        builder.Ignore(r => r.Policy);
        builder.Ignore(r => r.SourceKey);
        builder.HasIndex(r => r.Enabled);
    }
}

internal sealed class AlertEventConfiguration : IEntityTypeConfiguration<AlertEvent>
{
    public void Configure(EntityTypeBuilder<AlertEvent> builder)
    {
        builder.ToTable("AlertEvents");
        builder.Property(e => e.SourceKey).HasMaxLength(100).IsRequired();
        builder.Property(e => e.AlertRuleName).HasMaxLength(200);
        builder.Property(e => e.Condition).HasMaxLength(1000);
        builder.Property(e => e.TargetName).HasMaxLength(255);
        builder.Property(e => e.TargetUuid).HasMaxLength(64);
        builder.Property(e => e.Title).HasMaxLength(500);
        builder.Property(e => e.Message).HasMaxLength(2000);
        builder.Property(e => e.AckUserName).HasMaxLength(256);
        builder.Property(e => e.AckNote).HasMaxLength(2000);
        builder.Ignore(e => e.IsOpen);
        builder.Ignore(e => e.IsSuppressed);
        builder.Property(e => e.SuppressedByName).HasMaxLength(200);
        builder.HasMany(e => e.Samples).WithOne().HasForeignKey(s => s.AlertEventId).OnDelete(DeleteBehavior.Cascade);
        // The database itself refuses a second open event for one (rule, target).
        builder.HasIndex(e => new { e.SourceKey, e.TargetType, e.TargetId }).IsUnique()
            .HasFilter($"\"Status\" <> {(int)AlertEventStatus.Resolved}")
            .HasDatabaseName("IX_AlertEvents_Open");
        builder.HasIndex(e => new { e.AlertRuleId, e.PendingSince });
        builder.HasIndex(e => new { e.Status, e.Level });
        builder.HasIndex(e => e.PendingSince);
    }
}

internal sealed class AlertEventSampleConfiguration : IEntityTypeConfiguration<AlertEventSample>
{
    public void Configure(EntityTypeBuilder<AlertEventSample> builder)
    {
        builder.ToTable("AlertEventSamples");
        builder.Property(s => s.ValuesJson).HasMaxLength(2000);
        builder.HasIndex(s => new { s.AlertEventId, s.Timestamp });
    }
}
