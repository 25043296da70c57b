using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Monitors;

internal sealed class MonitorDefinitionConfiguration : IEntityTypeConfiguration<MonitorDefinition>
{
    public void Configure(EntityTypeBuilder<MonitorDefinition> builder)
    {
        builder.ToTable("Monitors");
        builder.Property(m => m.Name).HasMaxLength(200).IsRequired();
        builder.Property(m => m.Target).HasMaxLength(2048).IsRequired();
        builder.Property(m => m.Origin).HasMaxLength(200);
        builder.Property(m => m.Http).HasJsonConversion();
        // Rows from before push monitors existed get an empty object: the options' defaults.
        builder.Property(m => m.Push).HasJsonConversion().HasDefaultValueSql("'{}'");
        builder.Property(m => m.PushToken).HasMaxLength(64);
        builder.Property(m => m.Dns).HasJsonConversion().HasDefaultValueSql("'{}'");
        // Rows from before certificate alerts existed get the default thresholds.
        builder.Property(m => m.TlsExpiryDays).HasJsonConversion(IntListComparer.Instance).HasDefaultValueSql("'[21,14,7]'");
        builder.Property(m => m.DependsOn).HasJsonConversion(IntListComparer.Instance).HasDefaultValueSql("'[]'");
        // Stored as EF's primitive collections (JSON arrays, queryable); only their change tracking is ours.
        builder.PrimitiveCollection(m => m.ExecuteOnHostIds).Metadata.SetValueComparer(IntListComparer.Instance);
        builder.PrimitiveCollection(m => m.SkipHostIds).Metadata.SetValueComparer(IntListComparer.Instance);
        builder.Property(m => m.UpsideDown).HasDefaultValue(false);
        builder.OwnsOne(m => m.Current, current =>
        {
            current.Property(c => c.Status).HasColumnName("CurrentStatus");
            current.Property(c => c.StatusSince).HasColumnName("StatusSince");
            current.Property(c => c.LastProbeAt).HasColumnName("LastProbeAt");
            current.Property(c => c.LastSuccess).HasColumnName("LastSuccess");
            current.Property(c => c.LastLatencyMs).HasColumnName("LastLatencyMs");
            current.Property(c => c.LastStatusCode).HasColumnName("LastStatusCode");
            current.Property(c => c.LastError).HasColumnName("LastError").HasMaxLength(500);
            current.Property(c => c.ConsecutiveFailures).HasColumnName("ConsecutiveFailures");
        });
        builder.Navigation(m => m.Current).IsRequired();
        builder.HasIndex(m => m.Name);
        // The list's default order puts what is down first: this keeps those few in name order, so a page is read along
        // two indexes rather than by sorting every monitor (MonitorQueries.DownFirstAsync). Valid SQL on both providers.
        builder.HasIndex(m => m.Name, "IX_Monitors_Down_Name").HasFilter("\"Enabled\" AND \"CurrentStatus\" = 2");
        builder.HasIndex(m => m.Enabled);
        builder.HasIndex(m => m.PushToken).IsUnique();
        builder.HasIndex(m => m.PushDeadline);
    }
}
