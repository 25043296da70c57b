using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Agents;

internal sealed class AgentTokenConfiguration : IEntityTypeConfiguration<AgentToken>
{
    public void Configure(EntityTypeBuilder<AgentToken> builder)
    {
        builder.ToTable("AgentTokens");
        builder.Property(t => t.Name).HasMaxLength(200).IsRequired();
        builder.Property(t => t.TokenHash).HasMaxLength(64).IsRequired();
        builder.Property(t => t.Prefix).HasMaxLength(16);
        builder.HasIndex(t => t.TokenHash).IsUnique();
    }
}

internal sealed class AgentComponentConfiguration : IEntityTypeConfiguration<AgentComponent>
{
    public void Configure(EntityTypeBuilder<AgentComponent> builder)
    {
        builder.ToTable("AgentComponents");
        builder.Property(c => c.PackagePath).HasMaxLength(2048).IsRequired();
        builder.Property(c => c.PackageName).HasMaxLength(500);
        builder.Property(c => c.PackageSignature).HasMaxLength(200);
        builder.Property(c => c.PackageAlgorithm).HasMaxLength(50);
        builder.HasIndex(c => new { c.HostId, c.PackagePath }).IsUnique();
    }
}

internal sealed class MethodCallReportConfiguration : IEntityTypeConfiguration<MethodCallReport>
{
    public void Configure(EntityTypeBuilder<MethodCallReport> builder)
    {
        builder.ToTable("MethodCallReports");
        builder.Property(r => r.Uri).HasMaxLength(2048);
        builder.Property(r => r.Url).HasMaxLength(4096);
        builder.Property(r => r.Method).HasMaxLength(20);
        builder.Property(r => r.ClientIp).HasMaxLength(64);
        builder.Property(r => r.Language).HasMaxLength(20);
        builder.HasIndex(r => new { r.HostId, r.ReceivedAt });
        builder.HasIndex(r => r.ReceivedAt);
    }
}

internal sealed class HookProfileConfiguration : IEntityTypeConfiguration<HookProfile>
{
    public void Configure(EntityTypeBuilder<HookProfile> builder)
    {
        builder.ToTable("HookProfiles");
        builder.Property(p => p.Language).HasMaxLength(20).IsRequired();
        builder.Property(p => p.Value).HasMaxLength(500);
        builder.Property(p => p.Details).HasJsonConversion();
        builder.HasIndex(p => p.Language);
    }
}
