using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.StatusPages;

/// <summary>
/// Status pages for every caller (API, UI, config import). Pages choose which monitors the public sees, so they are
/// monitor configuration: commands demand service_monitors:write and commit with their audit entry, reads demand
/// service_monitors:read. The public page itself is read through <see cref="PublicStatusReader"/>, without an actor.
/// </summary>
public sealed class StatusPageService(IDbContextFactory<ProbeDbContext> dbFactory, PublicStatusCache cache, TimeProvider time, IAuditLog audit)
{
    public async Task<IReadOnlyList<StatusPage>> ListAsync(Actor actor, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.ServiceMonitorsRead);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await WithSections(db).AsNoTracking().OrderBy(p => p.Slug).ToListAsync(cancellationToken);
    }

    public async Task<StatusPage?> GetAsync(Actor actor, int id, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.ServiceMonitorsRead);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await WithSections(db).AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
    }

    /// <summary>Every monitor by name, for choosing what a page shows.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> MonitorChoicesAsync(Actor actor, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.ServiceMonitorsRead);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var monitors = await db.Monitors.AsNoTracking().OrderBy(m => m.Name).Select(m => new { m.Id, m.Name }).ToListAsync(cancellationToken);
        return [.. monitors.Select(m => (m.Id, m.Name))];
    }

    public Task<StatusPageResult> CreateAsync(Actor actor, StatusPageInput input, CancellationToken cancellationToken) =>
        SaveInOwnTransactionAsync(actor, null, input, cancellationToken);

    public Task<StatusPageResult> UpdateAsync(Actor actor, int id, StatusPageInput input, CancellationToken cancellationToken) =>
        SaveInOwnTransactionAsync(actor, id, input, cancellationToken);

    /// <summary>
    /// Creates (<paramref name="id"/> null) or replaces a page inside the caller's transaction (config import):
    /// validates, checks the monitors exist and the slug and domain are free, saves with the audit entry and leaves
    /// the commit to the caller. An input equal to the stored page writes nothing.
    /// </summary>
    public async Task<StatusPageResult> SaveAsync(ProbeDbContext db, Actor actor, int? id, StatusPageInput input, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.ServiceMonitorsWrite);
        StatusPage? page = null;
        if (id is not null)
        {
            page = await WithSections(db).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
            if (page is null) return new StatusPageResult(StatusPageOutcome.NotFound, Changed: false);
        }
        var errors = input.Validate();
        if (errors.Count == 0) errors = await UnknownMonitorsAsync(db, input, cancellationToken);
        if (errors.Count > 0) return StatusPageResult.Invalid(errors);

        var slug = input.Slug!.Trim();
        var domain = input.NormalizedDomain;
        var otherId = id ?? 0;
        if (await db.StatusPages.AnyAsync(p => p.Slug == slug && p.Id != otherId, cancellationToken))
            return new StatusPageResult(StatusPageOutcome.Conflict, Message: $"a status page with slug '{slug}' exists", Changed: false);
        if (domain is not null && await db.StatusPages.AnyAsync(p => p.CustomDomain == domain && p.Id != otherId, cancellationToken))
            return new StatusPageResult(StatusPageOutcome.Conflict, Message: $"another status page uses the domain '{domain}'", Changed: false);

        var now = time.GetUtcNow().UtcDateTime;
        var sections = input.ToSections();
        if (page is null)
        {
            page = new StatusPage { CreatedAt = now };
            Apply(page, input, slug, domain, sections, now);
            db.StatusPages.Add(page);
            // The entry names the new id, known only after the insert.
            await db.SaveChangesAsync(cancellationToken);
            audit.Add(db, actor, AuditActions.StatusPageCreate, Target(page), Summary(page));
            await db.SaveChangesAsync(cancellationToken);
            return new StatusPageResult(StatusPageOutcome.Done, page);
        }

        var before = Summary(page);
        var beforeShape = Shape(page);
        var changed = new StatusPage();
        Apply(changed, input, slug, domain, sections, now);
        if (beforeShape == Shape(changed)) return new StatusPageResult(StatusPageOutcome.Done, page, Changed: false);
        db.StatusPageSections.RemoveRange(page.Sections);
        Apply(page, input, slug, domain, sections, now);
        audit.Add(db, actor, AuditActions.StatusPageUpdate, Target(page), $"{before} → {Summary(page)}");
        await db.SaveChangesAsync(cancellationToken);
        return new StatusPageResult(StatusPageOutcome.Done, page);
    }

    public async Task<StatusPageResult> DeleteAsync(Actor actor, int id, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.ServiceMonitorsWrite);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var page = await WithSections(db).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (page is null) return new StatusPageResult(StatusPageOutcome.NotFound, Changed: false);
        db.StatusPages.Remove(page);
        audit.Add(db, actor, AuditActions.StatusPageDelete, Target(page), Summary(page));
        await db.SaveChangesAsync(cancellationToken);
        cache.Invalidate();
        return new StatusPageResult(StatusPageOutcome.Done);
    }

    /// <summary>After a caller's transaction (config import) changed pages: the public sees the change at once.</summary>
    public void ForgetCachedPages() => cache.Invalidate();

    private async Task<StatusPageResult> SaveInOwnTransactionAsync(Actor actor, int? id, StatusPageInput input, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.ServiceMonitorsWrite);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var saved = await SaveAsync(db, actor, id, input, cancellationToken);
        if (!saved.Changed) return saved;
        await transaction.CommitAsync(cancellationToken);
        cache.Invalidate();
        return saved;
    }

    internal static IQueryable<StatusPage> WithSections(ProbeDbContext db) =>
        db.StatusPages.Include(p => p.Sections.OrderBy(s => s.Position)).ThenInclude(s => s.Items.OrderBy(i => i.Position)).AsSplitQuery();

    private static async Task<Dictionary<string, string[]>> UnknownMonitorsAsync(ProbeDbContext db, StatusPageInput input, CancellationToken cancellationToken)
    {
        var wanted = input.MonitorIds().ToList();
        var ids = wanted.Select(w => w.Id).Distinct().ToList();
        var known = (await db.Monitors.Where(m => ids.Contains(m.Id)).Select(m => m.Id).ToListAsync(cancellationToken)).ToHashSet();
        return wanted.Where(w => !known.Contains(w.Id)).ToDictionary(w => w.Where, w => new[] { $"no monitor has id {w.Id}" });
    }

    private static void Apply(StatusPage page, StatusPageInput input, string slug, string? domain, List<StatusPageSection> sections, DateTime now)
    {
        page.Slug = slug;
        page.Title = input.Title!.Trim();
        page.Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        page.Footer = string.IsNullOrWhiteSpace(input.Footer) ? null : input.Footer.Trim();
        page.CustomDomain = domain;
        page.ShowLatency = input.ShowLatency ?? false;
        page.Published = input.Published ?? false;
        page.Sections = sections;
        page.UpdatedAt = now;
    }

    private static string Target(StatusPage page) => $"status page #{page.Id} {page.Slug}";

    private static string Summary(StatusPage page) =>
        $"{(page.Published ? "published" : "unpublished")}, {page.Sections.Count} sections, {page.Sections.Sum(s => s.Items.Count)} monitors"
        + (page.CustomDomain is null ? "" : $", domain {page.CustomDomain}");

    /// <summary>Everything a save can change, as text, to tell a real change from a repeat.</summary>
    private static string Shape(StatusPage p) =>
        string.Join("|", p.Slug, p.Title, p.Description, p.Footer, p.CustomDomain, p.ShowLatency, p.Published,
            string.Join(";", p.Sections.OrderBy(s => s.Position).Select(s => s.Title + ":" + string.Join(",", s.Items.OrderBy(i => i.Position).Select(i => $"{i.MonitorId}={i.DisplayName}")))));
}
