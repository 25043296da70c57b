using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Auth;

namespace ProbeDashboard.Core.Notifications;

public sealed partial class NotificationGroupService
{
    /// <summary>Every group with its recipients, by name. Secrets stay protected.</summary>
    public async Task<IReadOnlyList<NotificationGroup>> ListAsync(Actor actor, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.AlertRulesRead);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.NotificationGroups.AsNoTracking().Include(g => g.Recipients.OrderBy(r => r.Id)).OrderBy(g => g.Name).ToListAsync(cancellationToken);
    }

    /// <returns>The group with its recipients, or null when there is none with this id.</returns>
    public async Task<NotificationGroup?> GetAsync(Actor actor, int id, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.AlertRulesRead);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.NotificationGroups.AsNoTracking().Include(g => g.Recipients.OrderBy(r => r.Id)).SingleOrDefaultAsync(g => g.Id == id, cancellationToken);
    }

    /// <summary>Every group by name with its recipients counted per channel, in one statement.</summary>
    public async Task<IReadOnlyList<NotificationGroupSummary>> SummariesAsync(Actor actor, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.AlertRulesRead);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.NotificationGroups.AsNoTracking().OrderBy(g => g.Name)
            .Select(g => new NotificationGroupSummary(g.Id, g.Name, g.IsDefault,
                g.Recipients.Count(r => r.Channel == NotificationChannelKind.Email),
                g.Recipients.Count(r => r.Channel == NotificationChannelKind.Webhook),
                g.Recipients.Count(r => r.Channel == NotificationChannelKind.Sms),
                g.Recipients.Count(r => r.Channel >= NotificationChannelKind.Slack)))
            .ToListAsync(cancellationToken);
    }
}
