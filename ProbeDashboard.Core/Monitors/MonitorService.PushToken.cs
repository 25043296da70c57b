using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Push;

namespace ProbeDashboard.Core.Monitors;

/// <summary>What rotating a push token did: the new token, or why there is none.</summary>
public enum PushTokenRotation
{
    Rotated,
    MonitorMissing,
    NotPush,
}

public sealed partial class MonitorService
{
    /// <summary>
    /// Gives a push monitor a new ping token; the old URL answers 404 from the commit on. The schedule and the
    /// deadline already awaited stay.
    /// </summary>
    public async Task<(PushTokenRotation Outcome, string? Token)> RotatePushTokenAsync(Actor actor, int id, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.ServiceMonitorsWrite);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var monitor = await db.Monitors.SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (monitor is null) return (PushTokenRotation.MonitorMissing, null);
        if (monitor.Kind != MonitorKind.Push) return (PushTokenRotation.NotPush, null);
        monitor.PushToken = PushTokens.New();
        monitor.UpdatedAt = time.GetUtcNow().UtcDateTime;
        // The entry never holds the token: the audit log is readable by more people than the monitor's writers.
        audit.Add(db, actor, AuditActions.MonitorPushTokenRotate, Target(monitor), "new push token");
        await db.SaveChangesAsync(cancellationToken);
        return (PushTokenRotation.Rotated, monitor.PushToken);
    }
}
