using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ProbeDashboard.Core.StatusPages.Subscriptions;

internal sealed class StatusPageSubscriberConfiguration : IEntityTypeConfiguration<StatusPageSubscriber>
{
    public void Configure(EntityTypeBuilder<StatusPageSubscriber> builder)
    {
        builder.ToTable("StatusPageSubscribers");
        builder.Property(s => s.Email).HasMaxLength(SubscriptionService.MaxEmailLength).IsRequired();
        builder.Property(s => s.Language).HasMaxLength(16).IsRequired();
        builder.Property(s => s.ConfirmTokenHash).HasMaxLength(64);
        builder.Property(s => s.UnsubscribeTokenHash).HasMaxLength(64).IsRequired();
        builder.Property(s => s.ProtectedUnsubscribeToken).HasMaxLength(1000).IsRequired();
        builder.Ignore(s => s.Confirmed);
        builder.HasIndex(s => new { s.StatusPageId, s.Email }).IsUnique();
        builder.HasIndex(s => s.ConfirmTokenHash).IsUnique();
        builder.HasIndex(s => s.UnsubscribeTokenHash).IsUnique();
        builder.HasOne<StatusPage>().WithMany().HasForeignKey(s => s.StatusPageId).OnDelete(DeleteBehavior.Cascade);
    }
}
