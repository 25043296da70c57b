using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.StatusPages.Incidents;

/// <summary>The incidents a public page shows: every open one, and those resolved within the 90 days of its bars.</summary>
internal static class PublicIncidentReader
{
    /// <summary>Bounds the work of a page however many incidents its owner ever posted.</summary>
    public const int MaxIncidents = 200;

    public static async Task<List<PublicIncident>> ReadAsync(ProbeDbContext db, int pageId, IReadOnlyDictionary<int, string> names,
        DateTime since, CancellationToken cancellationToken)
    {
        var stored = await IncidentService.WithDetails(db).AsNoTracking()
            .Where(i => i.StatusPageId == pageId && (i.ResolvedAt == null || i.ResolvedAt >= since))
            .OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id).Take(MaxIncidents)
            .ToListAsync(cancellationToken);
        return [.. stored.Select(i =>
        {
            // A monitor taken off the page since keeps no public name: it is left out, never shown by its own name.
            var shown = i.Monitors.Select(m => m.MonitorId).Where(names.ContainsKey).Order().ToList();
            return new PublicIncident(i.Id, i.Title, i.Status, i.Body, IncidentMarkdown.ToHtml(i.Body), i.CreatedAt, i.UpdatedAt, i.ResolvedAt,
                shown, [.. shown.Select(id => names[id])],
                [.. i.Updates.Select(u => new PublicIncidentUpdate(u.Status, u.Body, IncidentMarkdown.ToHtml(u.Body), u.CreatedAt))]);
        })];
    }
}
