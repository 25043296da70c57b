using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProbeDashboard.Core.Monitors;

namespace ProbeDashboard.Core.StatusPages;

internal sealed class StatusPageConfiguration : IEntityTypeConfiguration<StatusPage>
{
    public void Configure(EntityTypeBuilder<StatusPage> builder)
    {
        builder.ToTable("StatusPages");
        builder.Property(p => p.Slug).HasMaxLength(StatusPageInput.MaxSlugLength).IsRequired();
        builder.Property(p => p.Title).HasMaxLength(StatusPageInput.MaxTitleLength).IsRequired();
        builder.Property(p => p.Description).HasMaxLength(StatusPageInput.MaxTextLength);
        builder.Property(p => p.Footer).HasMaxLength(StatusPageInput.MaxTextLength);
        builder.Property(p => p.CustomDomain).HasMaxLength(StatusPageInput.MaxDomainLength);
        builder.HasIndex(p => p.Slug).IsUnique();
        builder.HasIndex(p => p.CustomDomain).IsUnique();
        builder.HasMany(p => p.Sections).WithOne().HasForeignKey(s => s.StatusPageId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StatusPageSectionConfiguration : IEntityTypeConfiguration<StatusPageSection>
{
    public void Configure(EntityTypeBuilder<StatusPageSection> builder)
    {
        builder.ToTable("StatusPageSections");
        builder.Property(s => s.Title).HasMaxLength(StatusPageInput.MaxTitleLength).IsRequired();
        builder.HasMany(s => s.Items).WithOne().HasForeignKey(i => i.StatusPageSectionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StatusPageItemConfiguration : IEntityTypeConfiguration<StatusPageItem>
{
    public void Configure(EntityTypeBuilder<StatusPageItem> builder)
    {
        builder.ToTable("StatusPageItems");
        builder.Property(i => i.DisplayName).HasMaxLength(StatusPageInput.MaxTitleLength);
        // A deleted monitor leaves every page it was on, so no page names a monitor that is gone.
        builder.HasOne<MonitorDefinition>().WithMany().HasForeignKey(i => i.MonitorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => i.MonitorId);
    }
}
