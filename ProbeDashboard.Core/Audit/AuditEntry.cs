using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ProbeDashboard.Core.Audit;

/// <summary>One thing a person (or agent) did: who, what, to what, when. Never holds a secret.</summary>
public class AuditEntry
{
    public const int MaxTextLength = 500;

    public long Id { get; set; }
    public DateTime Timestamp { get; set; }
    /// <summary>The <see cref="Access.Actor.Name"/>: a user name, <c>agent:</c>/<c>iplive:</c>/<c>openapi:</c>/<c>cli:</c> names, <c>system</c> or <c>anonymous</c>.</summary>
    public string Actor { get; set; } = "";
    /// <summary>Dotted action name from <see cref="AuditActions"/>, e.g. <c>monitor.create</c>.</summary>
    public string Action { get; set; } = "";
    /// <summary>What was acted on, e.g. <c>monitor #12 web</c>.</summary>
    public string Target { get; set; } = "";
    public string? Detail { get; set; }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditLog");
        builder.Property(e => e.Actor).HasMaxLength(AuditEntry.MaxTextLength);
        builder.Property(e => e.Action).HasMaxLength(AuditEntry.MaxTextLength);
        builder.Property(e => e.Target).HasMaxLength(AuditEntry.MaxTextLength);
        builder.Property(e => e.Detail).HasMaxLength(AuditEntry.MaxTextLength);
        builder.HasIndex(e => e.Timestamp);
        builder.HasIndex(e => new { e.Actor, e.Timestamp });
    }
}
