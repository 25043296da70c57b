using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.StatusPages.Incidents;

/// <summary>An incident as the configuration document carries it, with its own times and updates.</summary>
public sealed record IncidentImport(IncidentInput Input, DateTime? CreatedAt, DateTime? ResolvedAt, IReadOnlyList<IncidentUpdateImport> Updates);

public sealed record IncidentUpdateImport(string? Status, string? Body, DateTime? CreatedAt);

public enum IncidentImportOutcome { Created, Updated, Unchanged, Invalid }

public sealed partial class IncidentService
{
    /// <summary>
    /// Config import: matches the document's incident by title and creation time (to the second, as exported) on the
    /// page, creates or replaces it with its updates inside the caller's transaction, audited like the API's commands.
    /// </summary>
    public async Task<(IncidentImportOutcome Outcome, IReadOnlyDictionary<string, string[]>? Errors)> ImportAsync(
        ProbeDbContext db, Access.Actor actor, int pageId, IncidentImport item, CancellationToken cancellationToken)
    {
        var errors = item.Input.Validate();
        if (item.CreatedAt is null) errors["created_at"] = ["created_at is required"];
        for (var u = 0; u < item.Updates.Count; u++)
        {
            foreach (var (field, problems) in new IncidentUpdateInput(item.Updates[u].Status, item.Updates[u].Body).Validate())
                errors[$"updates[{u}].{field}"] = problems;
            if (item.Updates[u].CreatedAt is null) errors[$"updates[{u}].created_at"] = ["created_at is required"];
        }
        if (errors.Count > 0) return (IncidentImportOutcome.Invalid, errors);

        var createdAt = item.CreatedAt!.Value;
        var title = item.Input.Title!.Trim();
        var existing = await WithDetails(db).SingleOrDefaultAsync(i => i.StatusPageId == pageId && i.Title == title
            && i.CreatedAt > createdAt.AddSeconds(-1) && i.CreatedAt < createdAt.AddSeconds(1), cancellationToken);
        var updates = item.Updates.Select(u => new IncidentUpdate
        {
            Status = IncidentStatuses.Parse(u.Status)!.Value, Body = u.Body!.Trim(), CreatedAt = u.CreatedAt!.Value,
        }).ToList();
        if (existing is not null && Shape(existing) == Shape(item.Input, updates, existing.Status))
            return (IncidentImportOutcome.Unchanged, null);

        var saved = await SaveAsync(db, actor, pageId, existing?.Id, item.Input, createdAt, cancellationToken);
        if (saved.Outcome != IncidentOutcome.Done) return (IncidentImportOutcome.Invalid, saved.Errors);
        var incident = saved.Incident!;
        db.RemoveRange(incident.Updates);
        incident.Updates = updates;
        if (incident.Status == IncidentStatus.Resolved && item.ResolvedAt is { } resolvedAt) incident.ResolvedAt = resolvedAt;
        await db.SaveChangesAsync(cancellationToken);
        return (existing is null ? IncidentImportOutcome.Created : IncidentImportOutcome.Updated, null);
    }

    /// <summary>What an import can change, as text, to tell a real change from a repeat.</summary>
    private static string Shape(Incident i) => Shape(i.Title, i.Body, i.Status, i.Monitors.Select(m => m.MonitorId), i.Updates);

    private static string Shape(IncidentInput input, IEnumerable<IncidentUpdate> updates, IncidentStatus current) =>
        Shape(input.Title!.Trim(), input.Body?.Trim() ?? "", input.Status is null ? current : input.ParsedStatus, input.MonitorIds ?? [], updates);

    private static string Shape(string title, string body, IncidentStatus status, IEnumerable<int> monitors, IEnumerable<IncidentUpdate> updates) =>
        string.Join("|", title, body, status, string.Join(",", monitors.Distinct().Order()),
            string.Join(";", updates.OrderBy(u => u.CreatedAt).Select(u => $"{u.Status}:{u.Body}")));
}
