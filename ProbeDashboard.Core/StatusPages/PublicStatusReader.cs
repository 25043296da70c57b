using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Availability;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.StatusPages;

/// <summary>
/// Reads published status pages for anyone, without sign-in: no actor, because the page's owner already chose to
/// show it. A few queries per page whatever its history (the page, its monitors' current state, the daily rollups of
/// 90 days, the hourly ones of 24 hours, maintenance and the incidents of 90 days), cached briefly by <see cref="PublicStatusCache"/>.
/// </summary>
public sealed class PublicStatusReader(IDbContextFactory<ProbeDbContext> dbFactory, PublicStatusCache cache, TimeProvider time,
    Maintenance.MaintenanceCalendar maintenance)
{
    public const int BarDays = 90;
    /// <summary>How far ahead a page lists upcoming maintenance, in days.</summary>
    public const int MaintenanceHorizonDays = 14;

    /// <returns>The page, or null when no published page has this slug.</returns>
    public async Task<PublicStatusPage?> ReadAsync(string slug, CancellationToken cancellationToken)
    {
        // Only published slugs get a cache entry, so requests for made-up slugs cannot fill the cache.
        var published = await cache.GetAsync("slugs", async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            return (await db.StatusPages.AsNoTracking().Where(p => p.Published).Select(p => p.Slug).ToListAsync()).ToHashSet(StringComparer.Ordinal);
        }).WaitAsync(cancellationToken);
        if (!published.Contains(slug)) return null;
        // The shared read must not die with the first reader's request, hence no token inside.
        return await cache.GetAsync(PageKeyPrefix + slug, () => ReadUncachedAsync(slug, CancellationToken.None), NextMaintenanceChange)
            .WaitAsync(cancellationToken);
    }

    /// <summary>When a window shown on the page starts or ends next: the page's states change then, so its read does too.</summary>
    private static DateTimeOffset? NextMaintenanceChange(PublicStatusPage? page) =>
        page?.Maintenance.Select(w => w.Active ? w.End : w.Start).Where(at => at > page.GeneratedAt)
            .Select(at => (DateTimeOffset?)new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc))).Min();

    /// <returns>The slug of the published page served at <paramref name="host"/>, or null.</returns>
    public async Task<string?> SlugForDomainAsync(string host, CancellationToken cancellationToken)
    {
        var domains = await cache.GetAsync("domains", async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            var pages = await db.StatusPages.AsNoTracking().Where(p => p.Published && p.CustomDomain != null)
                .Select(p => new { p.CustomDomain, p.Slug }).ToListAsync();
            return pages.ToDictionary(p => p.CustomDomain!, p => p.Slug, StringComparer.OrdinalIgnoreCase);
        }).WaitAsync(cancellationToken);
        return domains.GetValueOrDefault(host.TrimEnd('.'));
    }

    /// <summary>The start of the cache keys of the pages' data.</summary>
    public const string PageKeyPrefix = "page:";

    /// <summary>The cache key of <see cref="PublishedMonitorIdsAsync"/>'s set.</summary>
    public const string PublishedMonitorsKey = "published-monitors";

    /// <summary>Ids of the monitors shown on at least one published page: the only ones with public badges.</summary>
    public Task<HashSet<int>> PublishedMonitorIdsAsync(CancellationToken cancellationToken) =>
        cache.GetAsync(PublishedMonitorsKey, async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            var ids = await db.StatusPages.AsNoTracking().Where(p => p.Published)
                .SelectMany(p => p.Sections).SelectMany(s => s.Items).Select(i => i.MonitorId).Distinct().ToListAsync();
            return ids.ToHashSet();
        }).WaitAsync(cancellationToken);

    private async Task<PublicStatusPage?> ReadUncachedAsync(string slug, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var page = await StatusPageService.WithSections(db).AsNoTracking().SingleOrDefaultAsync(p => p.Slug == slug && p.Published, cancellationToken);
        if (page is null) return null;

        var now = time.GetUtcNow().UtcDateTime;
        var today = BatchDay(now);
        var firstDay = today.AddDays(-(BarDays - 1));
        var dayAgo = AvailabilityPeriod.Hour.PeriodStart(now.AddDays(-1));
        var ids = page.Sections.SelectMany(s => s.Items).Select(i => i.MonitorId).Distinct().ToList();

        var monitors = await db.Monitors.AsNoTracking().Where(m => ids.Contains(m.Id))
            .Select(m => new { m.Id, m.Name, m.Enabled, m.Current.Status }).ToDictionaryAsync(m => m.Id, cancellationToken);
        var days = (await db.AvailabilityBuckets.AsNoTracking()
                .Where(b => ids.Contains(b.MonitorId) && b.Size == BucketSize.Day && b.Start >= firstDay)
                .GroupBy(b => new { b.MonitorId, b.Start })
                .Select(g => new { g.Key.MonitorId, g.Key.Start, Total = g.Sum(b => b.Total), Successes = g.Sum(b => b.Successes), Maintenance = g.Sum(b => b.MaintenanceTotal) })
                .ToListAsync(cancellationToken))
            .ToLookup(d => d.MonitorId, d => new DayCell(d.Start, d.Total, d.Successes, d.Maintenance));
        var lastDay = await db.AvailabilityBuckets.AsNoTracking()
            .Where(b => ids.Contains(b.MonitorId) && b.Size == BucketSize.Hour && b.Start >= dayAgo)
            .GroupBy(b => b.MonitorId)
            .Select(g => new { MonitorId = g.Key, Total = g.Sum(b => b.Total), Successes = g.Sum(b => b.Successes), Latency = g.Sum(b => b.LatencySumMs) })
            .ToDictionaryAsync(d => d.MonitorId, cancellationToken);

        var windows = await maintenance.OccurrencesAsync(ids, TimeSpan.FromDays(MaintenanceHorizonDays), cancellationToken);
        var inMaintenance = windows.Where(w => w.Active).SelectMany(w => w.MonitorIds).ToHashSet();

        PublicMonitor Describe(StatusPageItem item)
        {
            var monitor = monitors[item.MonitorId];
            var cells = Bar(firstDay, days[item.MonitorId]);
            var hours = lastDay.GetValueOrDefault(item.MonitorId);
            var state = !monitor.Enabled ? PublicMonitorState.Unknown : inMaintenance.Contains(item.MonitorId) ? PublicMonitorState.Maintenance : monitor.Status switch
            {
                MonitorStatus.Online => PublicMonitorState.Operational,
                MonitorStatus.Offline => PublicMonitorState.Down,
                _ => PublicMonitorState.Unknown,
            };
            return new PublicMonitor(item.MonitorId, item.DisplayName ?? monitor.Name, state,
                hours is null || hours.Total == 0 ? null : 100.0 * hours.Successes / hours.Total,
                Uptime(cells.TakeLast(30)), Uptime(cells),
                page.ShowLatency && hours is { Successes: > 0 } ? hours.Latency / hours.Successes : null,
                cells);
        }

        var sections = page.Sections
            .Select(s => new PublicSection(s.Title, [.. s.Items.Where(i => monitors.ContainsKey(i.MonitorId)).Select(Describe)]))
            .ToList();
        var overall = OverallStates.Of(sections.SelectMany(s => s.Monitors).Select(m => m.State));
        var names = sections.SelectMany(s => s.Monitors).GroupBy(m => m.Id).ToDictionary(g => g.Key, g => g.First().Name);
        var shownWindows = windows.Select(w => new PublicMaintenance(w.Title, w.Start, w.End, w.Active,
            [.. w.MonitorIds.Where(names.ContainsKey).Select(id => names[id])])).Where(w => w.Monitors.Count > 0).ToList();
        var incidents = await Incidents.PublicIncidentReader.ReadAsync(db, page.Id, names, firstDay, cancellationToken);
        return new PublicStatusPage(page.Slug, page.Title, page.Description, page.Footer, page.ShowLatency, overall, sections, now, shownWindows, incidents);
    }

    private static DateTime BatchDay(DateTime utc) => new(utc.Year, utc.Month, utc.Day, 0, 0, 0, DateTimeKind.Utc);

    private static List<DayCell> Bar(DateTime firstDay, IEnumerable<DayCell> stored)
    {
        var byDay = stored.ToDictionary(c => c.Day);
        return [.. Enumerable.Range(0, BarDays).Select(i => firstDay.AddDays(i)).Select(d => byDay.GetValueOrDefault(d) ?? new DayCell(d, 0, 0))];
    }

    private static double? Uptime(IEnumerable<DayCell> cells)
    {
        var (total, successes) = cells.Aggregate((0L, 0L), (sum, c) => (sum.Item1 + c.Total, sum.Item2 + c.Successes));
        return total == 0 ? null : 100.0 * successes / total;
    }
}
