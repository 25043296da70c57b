using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Core.Notifications;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Notifications;

public enum GroupChangeOutcome { Done, Invalid, NotFound, Conflict }

/// <summary>What a change to a group came to; <see cref="Message"/> explains a conflict.</summary>
public sealed record GroupChangeResult(GroupChangeOutcome Outcome, NotificationGroup? Group = null, string Message = "",
    Dictionary<string, string[]>? Errors = null, int Queued = 0, IReadOnlyList<long>? OutboxIds = null);

/// <summary>Notification groups CRUD and "send test" with one set of rules for the API and the UI.</summary>
public sealed class NotificationGroupStore(SecretProtector secrets, NotificationComposer composer, NotificationSignal signal, TimeProvider time, IAuditLog audit)
{
    /// <param name="id">The group to change, or null to create one.</param>
    public async Task<GroupChangeResult> SaveAsync(ProbeDbContext db, int? id, NotificationGroupRequest request, CancellationToken cancellationToken)
    {
        NotificationGroup? group = null;
        if (id is not null)
        {
            group = await db.NotificationGroups.Include(g => g.Recipients).SingleOrDefaultAsync(g => g.Id == id, cancellationToken);
            if (group is null) return new GroupChangeResult(GroupChangeOutcome.NotFound);
        }
        var errors = request.Validate();
        if (errors.Count > 0) return new GroupChangeResult(GroupChangeOutcome.Invalid, Errors: errors, Message: errors.First().Value[0]);
        var name = request.Name!.Trim();
        if (await db.NotificationGroups.AnyAsync(g => g.Name == name && g.Id != (id ?? 0), cancellationToken))
            return new GroupChangeResult(GroupChangeOutcome.Conflict, Message: $"a notification group named '{name}' exists");
        var now = time.GetUtcNow().UtcDateTime;
        var action = group is null ? AuditActions.NotificationGroupCreate : AuditActions.NotificationGroupUpdate;
        if (group is null)
        {
            group = new NotificationGroup { Name = name, CreatedAt = now, UpdatedAt = now, Recipients = request.Recipients([], secrets), IsDefault = request.IsDefault ?? false };
            db.NotificationGroups.Add(group);
        }
        else
        {
            var recipients = request.Recipients(group.Recipients, secrets);
            db.NotificationRecipients.RemoveRange(group.Recipients);
            group.Recipients = recipients;
            group.Name = name;
            group.IsDefault = request.IsDefault ?? false;
            group.UpdatedAt = now;
        }
        await db.SaveChangesAsync(cancellationToken);
        // Recipients are named by channel and count only: addresses and secrets stay out of the log.
        var channels = string.Join(", ", group.Recipients.GroupBy(r => r.Channel).Select(g => $"{g.Count()} {g.Key}"));
        await audit.RecordAsync(db, action, $"notification group #{group.Id} {group.Name}", channels, cancellationToken);
        return new GroupChangeResult(GroupChangeOutcome.Done, group);
    }

    /// <summary>Refused while rules or monitors still send to the group, so no alert silently loses its audience.</summary>
    public async Task<GroupChangeResult> DeleteAsync(ProbeDbContext db, int id, CancellationToken cancellationToken)
    {
        if (!await db.NotificationGroups.AnyAsync(g => g.Id == id, cancellationToken)) return new GroupChangeResult(GroupChangeOutcome.NotFound);
        var rules = await db.AlertRules.CountAsync(r => r.NotificationGroupId == id, cancellationToken);
        var monitors = await db.Monitors.CountAsync(m => m.NotificationGroupId == id, cancellationToken);
        if (rules + monitors > 0)
            return new GroupChangeResult(GroupChangeOutcome.Conflict, Message: $"notification group {id} is used by {rules} alert rules and {monitors} monitors");
        var name = await db.NotificationGroups.Where(g => g.Id == id).Select(g => g.Name).SingleAsync(cancellationToken);
        await db.NotificationGroups.Where(g => g.Id == id).ExecuteDeleteAsync(cancellationToken);
        await audit.RecordAsync(db, AuditActions.NotificationGroupDelete, $"notification group #{id} {name}", null, cancellationToken);
        return new GroupChangeResult(GroupChangeOutcome.Done);
    }

    /// <summary>Queues a test message to every recipient; its delivery shows in the outbox like any other.</summary>
    public async Task<GroupChangeResult> SendTestAsync(ProbeDbContext db, int id, CancellationToken cancellationToken)
    {
        var group = await db.NotificationGroups.AsNoTracking().Include(g => g.Recipients).SingleOrDefaultAsync(g => g.Id == id, cancellationToken);
        if (group is null) return new GroupChangeResult(GroupChangeOutcome.NotFound);
        if (group.Recipients.Count == 0) return new GroupChangeResult(GroupChangeOutcome.Conflict, Message: $"notification group {id} has no recipients");
        var messages = composer.ComposeTest(group, time.GetUtcNow().UtcDateTime).ToList();
        db.NotificationOutbox.AddRange(messages);
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        return new GroupChangeResult(GroupChangeOutcome.Done, group, Queued: messages.Count, OutboxIds: messages.Select(m => m.Id).ToList());
    }
}
