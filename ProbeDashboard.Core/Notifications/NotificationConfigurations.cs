using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ProbeDashboard.Core.Notifications;

internal sealed class NotificationGroupConfiguration : IEntityTypeConfiguration<NotificationGroup>
{
    public void Configure(EntityTypeBuilder<NotificationGroup> builder)
    {
        builder.ToTable("NotificationGroups");
        builder.Property(g => g.Name).HasMaxLength(200).IsRequired();
        builder.HasIndex(g => g.Name).IsUnique();
        // Added to a table that already has rows, so the column needs a default; the model says so too.
        builder.Property(g => g.IsDefault).HasDefaultValue(false);
        builder.Property(g => g.TitleTemplate).HasMaxLength(Templates.MessageTemplate.MaxLength);
        builder.Property(g => g.BodyTemplate).HasMaxLength(Templates.MessageTemplate.MaxLength);
        builder.HasMany(g => g.Recipients).WithOne().HasForeignKey(r => r.NotificationGroupId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NotificationRecipientConfiguration : IEntityTypeConfiguration<NotificationRecipient>
{
    public void Configure(EntityTypeBuilder<NotificationRecipient> builder)
    {
        builder.ToTable("NotificationRecipients");
        builder.Property(r => r.Address).HasMaxLength(2048).IsRequired();
        builder.Property(r => r.ProtectedSecret).HasMaxLength(4000);
        builder.Property(r => r.SettingsJson).HasMaxLength(4000);
        builder.Property(r => r.BodyTemplate).HasMaxLength(Templates.MessageTemplate.MaxLength);
        builder.Property(r => r.ContentType).HasMaxLength(Webhook.WebhookBody.MaxContentTypeLength);
    }
}

internal sealed class NotificationOutboxConfiguration : IEntityTypeConfiguration<NotificationOutboxEntry>
{
    public void Configure(EntityTypeBuilder<NotificationOutboxEntry> builder)
    {
        builder.ToTable("NotificationOutbox");
        builder.Property(o => o.Address).HasMaxLength(2048).IsRequired();
        builder.Property(o => o.ProtectedSecret).HasMaxLength(4000);
        builder.Property(o => o.SettingsJson).HasMaxLength(4000);
        builder.Property(o => o.ContentType).HasMaxLength(Webhook.WebhookBody.MaxContentTypeLength);
        builder.Property(o => o.Subject).HasMaxLength(500);
        builder.Property(o => o.LastError).HasMaxLength(1000);
        builder.Property(o => o.ClaimedBy).HasMaxLength(100);
        // No foreign key to AlertEvents: the outbox is a delivery log and must outlive what it reports on.
        builder.HasIndex(o => new { o.Status, o.NextAttemptAt });
        builder.HasIndex(o => o.AlertEventId);
    }
}
