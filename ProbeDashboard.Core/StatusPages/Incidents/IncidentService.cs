using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.StatusPages.Incidents;

/// <summary>
/// Incidents of status pages for every caller (API, UI, config import). Telling the public about an outage is part of
/// running the page, so commands demand service_monitors:write like the page's own, and commit with their audit
/// entry; reads demand service_monitors:read. Every command clears the public cache, so readers see it at once.
/// Posting, replacing or updating an incident mails the page's confirmed subscribers in the same transaction
/// (config import does not: it restores history, it does not announce it).
/// </summary>
public sealed partial class IncidentService(IDbContextFactory<ProbeDbContext> dbFactory, PublicStatusCache cache, TimeProvider time, IAuditLog audit,
    Subscriptions.SubscriberMail subscriberMail)
{
    /// <returns>The page's incidents, newest first, or null when there is no such page.</returns>
    public async Task<IReadOnlyList<Incident>?> ListAsync(Actor actor, int pageId, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.ServiceMonitorsRead);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.StatusPages.AnyAsync(p => p.Id == pageId, cancellationToken)) return null;
        return await WithDetails(db).AsNoTracking().Where(i => i.StatusPageId == pageId)
            .OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id).ToListAsync(cancellationToken);
    }

    public async Task<Incident?> GetAsync(Actor actor, int pageId, int incidentId, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.ServiceMonitorsRead);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await WithDetails(db).AsNoTracking().SingleOrDefaultAsync(i => i.Id == incidentId && i.StatusPageId == pageId, cancellationToken);
    }

    public async Task<IncidentResult> CreateAsync(Actor actor, int pageId, IncidentInput input, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.ServiceMonitorsWrite);
        return await SaveAndMailAsync(actor, pageId, null, input, cancellationToken);
    }

    /// <summary>Replaces title, body, status (kept when not given) and affected monitors; the updates stay as they were.</summary>
    public async Task<IncidentResult> UpdateAsync(Actor actor, int pageId, int incidentId, IncidentInput input, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.ServiceMonitorsWrite);
        return await SaveAndMailAsync(actor, pageId, incidentId, input, cancellationToken);
    }

    /// <summary>Appends an update; the incident takes its status (resolving it, or opening it again).</summary>
    public async Task<IncidentResult> AppendUpdateAsync(Actor actor, int pageId, int incidentId, IncidentUpdateInput input, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.ServiceMonitorsWrite);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var incident = await WithDetails(db).SingleOrDefaultAsync(i => i.Id == incidentId && i.StatusPageId == pageId, cancellationToken);
        if (incident is null) return IncidentResult.NotFound;
        var errors = input.Validate();
        if (errors.Count > 0) return IncidentResult.Invalid(errors);

        var now = time.GetUtcNow().UtcDateTime;
        var status = IncidentStatuses.Parse(input.Status)!.Value;
        var before = incident.Status;
        incident.Updates.Add(new IncidentUpdate { Status = status, Body = input.Body!.Trim(), CreatedAt = now });
        MoveTo(incident, status, now);
        audit.Add(db, actor, AuditActions.IncidentAddUpdate, Target(incident), $"{before.WireName()} → {status.WireName()}");
        var text = input.Body!.Trim();
        var mailed = await QueueMailAsync(db, incident, isNew: false, text, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        cache.Invalidate();
        if (mailed > 0) subscriberMail.WakeDispatcher();
        return new IncidentResult(IncidentOutcome.Done, incident);
    }

    /// <summary>Saves through <see cref="SaveAsync"/> and queues the subscribers' mails, all in one transaction.</summary>
    private async Task<IncidentResult> SaveAndMailAsync(Actor actor, int pageId, int? incidentId, IncidentInput input, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var saved = await SaveAsync(db, actor, pageId, incidentId, input, createdAt: null, cancellationToken);
        if (saved.Outcome != IncidentOutcome.Done) return saved;
        var incident = saved.Incident!;
        var mailed = await QueueMailAsync(db, incident, incidentId is null, incident.Body, time.GetUtcNow().UtcDateTime, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        cache.Invalidate();
        if (mailed > 0) subscriberMail.WakeDispatcher();
        return saved;
    }

    private Task<int> QueueMailAsync(ProbeDbContext db, Incident incident, bool isNew, string text, DateTime now, CancellationToken cancellationToken) =>
        subscriberMail.QueueToSubscribersAsync(db, incident.StatusPageId, (page, lang) => (
            Subscriptions.SubscriptionMailText.IncidentSubject(lang, page.Title, incident.Title, incident.Status, isNew),
            Subscriptions.SubscriptionMailText.IncidentBody(lang, incident.Title, incident.Status, text)), now, cancellationToken);

    public async Task<IncidentResult> DeleteAsync(Actor actor, int pageId, int incidentId, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.ServiceMonitorsWrite);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var incident = await db.StatusPageIncidents.SingleOrDefaultAsync(i => i.Id == incidentId && i.StatusPageId == pageId, cancellationToken);
        if (incident is null) return IncidentResult.NotFound;
        db.StatusPageIncidents.Remove(incident);
        audit.Add(db, actor, AuditActions.IncidentDelete, Target(incident), $"{incident.Status.WireName()}: {incident.Title}");
        await db.SaveChangesAsync(cancellationToken);
        cache.Invalidate();
        return new IncidentResult(IncidentOutcome.Done);
    }

    /// <summary>
    /// Creates (<paramref name="incidentId"/> null) or replaces an incident inside the caller's context and saves it
    /// with its audit entry (config import passes the document's <paramref name="createdAt"/>). Affected monitors must
    /// be on the page: anything else would tell the public about a monitor the page does not show.
    /// </summary>
    internal async Task<IncidentResult> SaveAsync(ProbeDbContext db, Actor actor, int pageId, int? incidentId, IncidentInput input,
        DateTime? createdAt, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.ServiceMonitorsWrite);
        var page = await StatusPageService.WithSections(db).AsNoTracking().SingleOrDefaultAsync(p => p.Id == pageId, cancellationToken);
        if (page is null) return IncidentResult.NotFound;
        Incident? incident = null;
        if (incidentId is not null)
        {
            incident = await WithDetails(db).SingleOrDefaultAsync(i => i.Id == incidentId && i.StatusPageId == pageId, cancellationToken);
            if (incident is null) return IncidentResult.NotFound;
        }
        var errors = input.Validate();
        if (errors.Count > 0) return IncidentResult.Invalid(errors);
        var onPage = page.Sections.SelectMany(s => s.Items).Select(i => i.MonitorId).ToHashSet();
        var stray = (input.MonitorIds ?? []).Where(id => !onPage.Contains(id)).Distinct().ToList();
        if (stray.Count > 0)
            return IncidentResult.Invalid(new Dictionary<string, string[]> { ["monitor_ids"] = [$"monitor {string.Join(", ", stray)} is not on this status page"] });

        var now = time.GetUtcNow().UtcDateTime;
        var monitors = (input.MonitorIds ?? []).Distinct().Select(id => new IncidentMonitor { MonitorId = id }).ToList();
        if (incident is null)
        {
            incident = new Incident { StatusPageId = pageId, CreatedAt = createdAt ?? now, Monitors = monitors };
            Apply(incident, input, now);
            db.StatusPageIncidents.Add(incident);
            // The entry names the new id, known only after the insert.
            await db.SaveChangesAsync(cancellationToken);
            audit.Add(db, actor, AuditActions.IncidentCreate, Target(incident), $"{incident.Status.WireName()}: {incident.Title}");
        }
        else
        {
            var before = $"{incident.Status.WireName()}: {incident.Title}";
            db.RemoveRange(incident.Monitors);
            incident.Monitors = monitors;
            Apply(incident, input, now);
            audit.Add(db, actor, AuditActions.IncidentUpdate, Target(incident), $"{before} → {incident.Status.WireName()}: {incident.Title}");
        }
        await db.SaveChangesAsync(cancellationToken);
        return new IncidentResult(IncidentOutcome.Done, incident);
    }

    internal static IQueryable<Incident> WithDetails(ProbeDbContext db) =>
        db.StatusPageIncidents.Include(i => i.Monitors).Include(i => i.Updates.OrderBy(u => u.CreatedAt).ThenBy(u => u.Id)).AsSplitQuery();

    private static void Apply(Incident incident, IncidentInput input, DateTime now)
    {
        incident.Title = input.Title!.Trim();
        incident.Body = input.Body?.Trim() ?? "";
        // A replace without a status keeps the one the incident has (a new incident starts investigating).
        MoveTo(incident, input.Status is null && incident.Id != 0 ? incident.Status : input.ParsedStatus, now);
    }

    /// <summary>Resolving stamps the time once; any other status opens the incident again.</summary>
    private static void MoveTo(Incident incident, IncidentStatus status, DateTime now)
    {
        incident.Status = status;
        incident.ResolvedAt = status == IncidentStatus.Resolved ? incident.ResolvedAt ?? now : null;
        incident.UpdatedAt = now;
    }

    private static string Target(Incident incident) => $"incident #{incident.Id} of status page #{incident.StatusPageId}";
}
