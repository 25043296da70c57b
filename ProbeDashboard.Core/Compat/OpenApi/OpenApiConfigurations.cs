using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Notifications;

namespace ProbeDashboard.Core.Compat.OpenApi;

internal sealed class OpenApiClientConfiguration : IEntityTypeConfiguration<OpenApiClient>
{
    public void Configure(EntityTypeBuilder<OpenApiClient> builder)
    {
        builder.ToTable("OpenApiClients");
        builder.Property(c => c.ApiId).HasMaxLength(64).IsRequired();
        builder.HasIndex(c => c.ApiId).IsUnique();
        builder.Property(c => c.Name).HasMaxLength(OpenApiClient.MaxNameLength).IsRequired();
        builder.Property(c => c.ProtectedKey).HasMaxLength(4000).IsRequired();
    }
}

internal sealed class OpenApiUserConfiguration : IEntityTypeConfiguration<OpenApiUser>
{
    public void Configure(EntityTypeBuilder<OpenApiUser> builder)
    {
        builder.ToTable("OpenApiUsers");
        builder.Property(u => u.Email).HasMaxLength(OpenApiClient.MaxNameLength).IsRequired();
        builder.HasIndex(u => new { u.ClientId, u.Email }).IsUnique();
        builder.HasOne<OpenApiClient>().WithMany().HasForeignKey(u => u.ClientId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OpenApiTaskConfiguration : IEntityTypeConfiguration<OpenApiTask>
{
    public void Configure(EntityTypeBuilder<OpenApiTask> builder)
    {
        builder.ToTable("OpenApiTasks");
        builder.HasKey(t => t.Tid);
        builder.Property(t => t.Tid).HasMaxLength(32);
        builder.Property(t => t.UserName).HasMaxLength(OpenApiClient.MaxNameLength).IsRequired();
        builder.HasIndex(t => new { t.ClientId, t.UserName });
        builder.HasIndex(t => t.MonitorId).IsUnique();
        builder.HasOne<OpenApiClient>().WithMany().HasForeignKey(t => t.ClientId).OnDelete(DeleteBehavior.Cascade);
        // A monitor deleted in the dashboard takes its task with it.
        builder.HasOne<MonitorDefinition>().WithMany().HasForeignKey(t => t.MonitorId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OpenApiAlertGroupConfiguration : IEntityTypeConfiguration<OpenApiAlertGroup>
{
    public void Configure(EntityTypeBuilder<OpenApiAlertGroup> builder)
    {
        builder.ToTable("OpenApiAlertGroups");
        builder.HasKey(g => g.Gid);
        builder.Property(g => g.Gid).HasMaxLength(32);
        builder.Property(g => g.UserName).HasMaxLength(OpenApiClient.MaxNameLength).IsRequired();
        builder.HasIndex(g => new { g.ClientId, g.UserName });
        builder.HasIndex(g => g.NotificationGroupId).IsUnique();
        builder.HasOne<OpenApiClient>().WithMany().HasForeignKey(g => g.ClientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<NotificationGroup>().WithMany().HasForeignKey(g => g.NotificationGroupId).OnDelete(DeleteBehavior.Cascade);
    }
}
