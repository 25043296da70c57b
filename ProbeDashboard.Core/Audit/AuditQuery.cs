namespace ProbeDashboard.Core.Audit;

/// <summary>Filters of the audit log (API and UI): each one set narrows the result; text filters match parts.</summary>
public sealed record AuditQuery(string? Actor = null, string? Action = null, string? Target = null, DateTime? From = null, DateTime? To = null)
{
    public const int MaxPageSize = 500;

    public IQueryable<AuditEntry> Apply(IQueryable<AuditEntry> entries)
    {
        if (!string.IsNullOrWhiteSpace(Actor)) entries = entries.Where(e => e.Actor.Contains(Actor.Trim()));
        if (!string.IsNullOrWhiteSpace(Action)) entries = entries.Where(e => e.Action.StartsWith(Action.Trim()));
        if (!string.IsNullOrWhiteSpace(Target)) entries = entries.Where(e => e.Target.Contains(Target.Trim()));
        if (From is { } from) entries = entries.Where(e => e.Timestamp >= from);
        if (To is { } to) entries = entries.Where(e => e.Timestamp < to);
        return entries;
    }
}
