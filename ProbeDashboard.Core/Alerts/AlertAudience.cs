using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Notifications;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Alerts;

/// <summary>A notification group a monitor's own alerts would reach, and over which channels.</summary>
/// <param name="IsDefault">True when the group is reached because it is a default group and the monitor names none.</param>
public sealed record AlertReach(int GroupId, string Name, bool IsDefault, IReadOnlyList<string> Channels);

/// <summary>
/// Who a monitor's enable_alert / latency_alert would notify right now: its own group and every group of its escalation
/// policy's steps, or the default groups when it names neither (the same rule the alert engine applies when it sends).
/// Empty when its alerts are off or would reach nobody, so an operator sees a silent monitor before it matters.
/// </summary>
public static class AlertAudience
{
    public static async Task<IReadOnlyList<AlertReach>> OfMonitorAsync(ProbeDbContext db, MonitorDefinition monitor, CancellationToken cancellationToken)
    {
        if (!monitor.EnableAlert && !monitor.LatencyAlert) return [];
        var byDefault = monitor.NotificationGroupId == null && monitor.EscalationPolicyId == null;
        var named = new List<int>();
        if (monitor.NotificationGroupId is { } groupId) named.Add(groupId);
        if (monitor.EscalationPolicyId is { } policyId
            && await db.EscalationPolicies.AsNoTracking().SingleOrDefaultAsync(p => p.Id == policyId, cancellationToken) is { } policy)
            named.AddRange(policy.GroupIds);
        var groups = await db.NotificationGroups.AsNoTracking().Include(g => g.Recipients.OrderBy(r => r.Id))
            .Where(g => byDefault ? g.IsDefault : named.Contains(g.Id))
            .OrderBy(g => g.Id).ToListAsync(cancellationToken);
        return [.. groups
            .Select(g => new AlertReach(g.Id, g.Name, byDefault, ChannelsOf(g)))
            .Where(r => r.Channels.Count > 0)];
    }

    private static List<string> ChannelsOf(NotificationGroup group) =>
    [
        .. group.Recipients.Where(r => r.Channel != NotificationChannelKind.IpLiveCallback)
            .Select(r => r.Channel.ToString().ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal),
    ];
}
