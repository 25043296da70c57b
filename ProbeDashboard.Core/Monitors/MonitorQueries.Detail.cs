using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Availability;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Monitors;

/// <summary>A monitor with what its detail shows: the name of the group it runs on, its statistics and who its alerts reach.</summary>
public sealed record MonitorDetail(MonitorDefinition Monitor, string? GroupName, MonitorStatistics Statistics, IReadOnlyList<AlertReach> AlertReaches)
{
    /// <summary>The certificate the latest probe that saw one reported (https and TLS monitors); null when none did.</summary>
    public CertificateView? Certificate { get; init; }
    /// <summary>Inside an active maintenance window: shown as "maintenance".</summary>
    public bool InMaintenance { get; init; }
}

/// <summary>A monitor's latest seen certificate: whose, by whom, when it expires and whole days left (negative once expired).</summary>
public sealed record CertificateView(string? Subject, string? Issuer, DateTime ExpiresAt, int DaysLeft);

/// <summary>Where a monitor may run, for the edit form's pick lists.</summary>
public sealed record PlacementChoices(IReadOnlyList<HostChoice> Hosts, IReadOnlyList<HostChoice> Groups);

public sealed partial class MonitorQueries
{
    /// <returns>The stored monitor, not tracked; null when no monitor has this id.</returns>
    public async Task<MonitorDefinition?> FindAsync(Actor actor, int id, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.ServiceMonitorsRead);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Monitors.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
    }

    /// <returns>Null when no monitor has this id.</returns>
    public async Task<MonitorDetail?> GetDetailAsync(Actor actor, int id, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.ServiceMonitorsRead);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var monitor = await db.Monitors.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (monitor is null) return null;
        var groupName = monitor.ExecuteOn == ExecuteOnKind.Group
            ? await db.HostGroups.Where(g => g.Id == monitor.ExecuteOnGroupId).Select(g => g.Name).SingleOrDefaultAsync(cancellationToken)
            : null;
        var statistics = await availability.GetStatisticsAsync(id, time.GetUtcNow().UtcDateTime, cancellationToken);
        var reaches = await AlertAudience.OfMonitorAsync(db, monitor, cancellationToken);
        var inMaintenance = (await maintenance.ActiveAsync(db, time.GetUtcNow().UtcDateTime, cancellationToken)).MonitorIds.Contains(monitor.Id);
        return new MonitorDetail(monitor, groupName, statistics, reaches)
        {
            Certificate = await LatestCertificateAsync(db, monitor, cancellationToken), InMaintenance = inMaintenance,
        };
    }

    private async Task<CertificateView?> LatestCertificateAsync(ProbeDbContext db, MonitorDefinition monitor, CancellationToken cancellationToken)
    {
        if (!monitor.ChecksCertificate) return null;
        var latest = await db.ProbeResults.AsNoTracking()
            .Where(r => r.MonitorId == monitor.Id && r.CertificateExpiresAt != null)
            .OrderByDescending(r => r.Timestamp)
            .Select(r => new { r.CertificateSubject, r.CertificateIssuer, r.CertificateExpiresAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (latest?.CertificateExpiresAt is not { } notAfter) return null;
        notAfter = DateTime.SpecifyKind(notAfter, DateTimeKind.Utc);
        return new CertificateView(latest.CertificateSubject, latest.CertificateIssuer, notAfter,
            Probing.SeenCertificate.DaysLeft(notAfter, time.GetUtcNow().UtcDateTime));
    }

    /// <summary>The probe hosts and host groups a monitor may be placed on (or its history filtered by), by name.</summary>
    public async Task<PlacementChoices> GetPlacementChoicesAsync(Actor actor, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.ServiceMonitorsRead);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var hosts = await db.Hosts.AsNoTracking().Where(h => h.ClusterNodeName == null).OrderBy(h => h.Name).Select(h => new HostChoice(h.Id, h.Name)).ToListAsync(cancellationToken);
        var groups = await db.HostGroups.AsNoTracking().OrderBy(g => g.Name).Select(g => new HostChoice(g.Id, g.Name)).ToListAsync(cancellationToken);
        return new PlacementChoices(hosts, groups);
    }
}
