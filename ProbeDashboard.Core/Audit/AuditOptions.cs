using System.ComponentModel.DataAnnotations;

namespace ProbeDashboard.Core.Audit;

/// <summary>How long the audit log is kept; read from the <c>Retention</c> section next to the other retention settings.</summary>
public sealed class AuditOptions
{
    public const string Section = "Retention";

    /// <summary>Days audit entries are kept.</summary>
    [Range(1, 36_500)]
    public int AuditDays { get; set; } = 365;
}
