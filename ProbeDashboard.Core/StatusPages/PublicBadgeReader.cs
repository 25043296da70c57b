using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Availability;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.StatusPages;

/// <summary>The windows an uptime badge may cover.</summary>
public enum BadgeWindow { Day, Week, Month }

/// <summary>What a monitor's badges show; only for monitors on a published page.</summary>
/// <param name="Uptime">Availability in percent (0–100) per window, null without samples.</param>
/// <param name="LatencyMs">Mean latency of the last 24 h; null when no page that shows the monitor shows latency, or none succeeded.</param>
/// <param name="LatencyShown">Whether a published page with the monitor shows latency (otherwise the latency badge does not exist).</param>
/// <param name="CertificateDaysLeft">Whole days until the certificate seen by the latest probe that reported one expires; null when none did.</param>
public sealed record PublicBadgeData(
    PublicMonitorState State, IReadOnlyDictionary<BadgeWindow, double?> Uptime, bool LatencyShown, double? LatencyMs, int? CertificateDaysLeft);

/// <summary>
/// Reads badge data for anyone: a few grouped queries on the rollups and the monitor's current state, cached with
/// the pages (<see cref="PublicStatusCache"/>). Monitors on no published page have no badges.
/// </summary>
public sealed class PublicBadgeReader(IDbContextFactory<ProbeDbContext> dbFactory, PublicStatusReader pages, PublicStatusCache cache, TimeProvider time,
    Maintenance.MaintenanceCalendar maintenance)
{
    /// <summary>The cache key of a monitor's badge data is this and its id.</summary>
    public const string KeyPrefix = "badge:";

    /// <returns>Null when the monitor is on no published page.</returns>
    public async Task<PublicBadgeData?> ReadAsync(int monitorId, CancellationToken cancellationToken)
    {
        if (!(await pages.PublishedMonitorIdsAsync(cancellationToken)).Contains(monitorId)) return null;
        return await cache.GetAsync(KeyPrefix + monitorId, () => ReadUncachedAsync(monitorId)).WaitAsync(cancellationToken);
    }

    private async Task<PublicBadgeData> ReadUncachedAsync(int monitorId)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync();
        var monitor = await db.Monitors.AsNoTracking().Where(m => m.Id == monitorId).Select(m => new { m.Enabled, m.Current.Status }).SingleAsync();
        var latencyShown = await db.StatusPages.AsNoTracking()
            .AnyAsync(p => p.Published && p.ShowLatency && p.Sections.Any(s => s.Items.Any(i => i.MonitorId == monitorId)));
        var dayAgo = AvailabilityPeriod.Hour.PeriodStart(now.AddDays(-1));
        var weekAgo = AvailabilityPeriod.Hour.PeriodStart(now.AddDays(-7));
        var monthAgo = AvailabilityPeriod.Day.PeriodStart(now.AddDays(-29));
        var hours = await db.AvailabilityBuckets.AsNoTracking()
            .Where(b => b.MonitorId == monitorId && b.Size == BucketSize.Hour && b.Start >= weekAgo)
            .GroupBy(b => b.MonitorId)
            .Select(g => new
            {
                DayTotal = g.Sum(b => b.Start >= dayAgo ? b.Total : 0),
                DaySuccesses = g.Sum(b => b.Start >= dayAgo ? b.Successes : 0),
                DayLatency = g.Sum(b => b.Start >= dayAgo ? b.LatencySumMs : 0.0),
                WeekTotal = g.Sum(b => b.Total),
                WeekSuccesses = g.Sum(b => b.Successes),
            }).SingleOrDefaultAsync();
        var month = await db.AvailabilityBuckets.AsNoTracking()
            .Where(b => b.MonitorId == monitorId && b.Size == BucketSize.Day && b.Start >= monthAgo)
            .GroupBy(b => b.MonitorId)
            .Select(g => new { Total = g.Sum(b => b.Total), Successes = g.Sum(b => b.Successes) }).SingleOrDefaultAsync();
        // The latest result only, through the (MonitorId, Timestamp) index: no scan of history.
        var certificate = await db.ProbeResults.AsNoTracking()
            .Where(r => r.MonitorId == monitorId && r.Timestamp >= now.AddDays(-1) && r.CertificateExpiresAt != null)
            .OrderByDescending(r => r.Timestamp).Select(r => r.CertificateExpiresAt).FirstOrDefaultAsync();

        var inMaintenance = (await maintenance.ActiveAsync(db, now, CancellationToken.None)).MonitorIds.Contains(monitorId);
        var state = !monitor.Enabled ? PublicMonitorState.Unknown : inMaintenance ? PublicMonitorState.Maintenance : monitor.Status switch
        {
            MonitorStatus.Online => PublicMonitorState.Operational,
            MonitorStatus.Offline => PublicMonitorState.Down,
            _ => PublicMonitorState.Unknown,
        };
        var uptime = new Dictionary<BadgeWindow, double?>
        {
            [BadgeWindow.Day] = Percent(hours?.DaySuccesses, hours?.DayTotal),
            [BadgeWindow.Week] = Percent(hours?.WeekSuccesses, hours?.WeekTotal),
            [BadgeWindow.Month] = Percent(month?.Successes, month?.Total),
        };
        var latency = latencyShown && hours is { DaySuccesses: > 0 } ? hours.DayLatency / hours.DaySuccesses : (double?)null;
        int? daysLeft = certificate is { } expires ? (int)Math.Floor((expires - now).TotalDays) : null;
        return new PublicBadgeData(state, uptime, latencyShown, latency, daysLeft);
    }

    private static double? Percent(long? successes, long? total) => total is null or 0 ? null : 100.0 * successes!.Value / total.Value;
}
