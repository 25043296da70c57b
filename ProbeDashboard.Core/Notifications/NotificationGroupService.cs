using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Notifications;

/// <summary>
/// Notification groups for every caller (API, UI, config import, the open API's alert groups). Groups are alert
/// configuration: commands demand alert_rules:write and commit the change with its audit entry, reads demand
/// alert_rules:read. Audit entries name recipients by channel and count only: addresses and secrets stay out of the log.
/// </summary>
public sealed partial class NotificationGroupService(
    IDbContextFactory<ProbeDbContext> dbFactory, SecretProtector secrets, NotificationComposer composer, NotificationSignal signal,
    TimeProvider time, IAuditLog audit)
{
    public Task<GroupChangeResult> CreateAsync(Actor actor, NotificationGroupInput input, CancellationToken cancellationToken) =>
        SaveInOwnTransactionAsync(actor, null, input, cancellationToken);

    public Task<GroupChangeResult> UpdateAsync(Actor actor, int id, NotificationGroupInput input, CancellationToken cancellationToken) =>
        SaveInOwnTransactionAsync(actor, id, input, cancellationToken);

    /// <summary>
    /// Creates (<paramref name="id"/> null) or replaces a group inside the caller's transaction (config import, open API):
    /// validates, saves the change with its audit entry, and leaves the commit to the caller. An input equal to the
    /// stored group writes nothing.
    /// </summary>
    public async Task<GroupChangeResult> SaveAsync(ProbeDbContext db, Actor actor, int? id, NotificationGroupInput input, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.AlertRulesWrite);
        NotificationGroup? group = null;
        if (id is not null)
        {
            group = await db.NotificationGroups.Include(g => g.Recipients.OrderBy(r => r.Id)).SingleOrDefaultAsync(g => g.Id == id, cancellationToken);
            if (group is null) return new GroupChangeResult(GroupChangeOutcome.NotFound, Changed: false);
        }
        var errors = input.Validate();
        if (errors.Count == 0) errors = input.ValidateSecrets(group?.Recipients ?? [], secrets);
        if (errors.Count > 0) return new GroupChangeResult(GroupChangeOutcome.Invalid, Errors: errors, Message: errors.First().Value[0], Changed: false);
        var name = input.Name!.Trim();
        if (await db.NotificationGroups.AnyAsync(g => g.Name == name && g.Id != (id ?? 0), cancellationToken))
            return new GroupChangeResult(GroupChangeOutcome.Conflict, Message: $"a notification group named '{name}' exists", Changed: false);

        var now = time.GetUtcNow().UtcDateTime;
        var isDefault = input.IsDefault ?? false;
        if (group is null)
        {
            group = new NotificationGroup
            {
                Name = name, CreatedAt = now, UpdatedAt = now, Recipients = input.Recipients([], secrets), IsDefault = isDefault,
                TitleTemplate = Template(input.TitleTemplate), BodyTemplate = Template(input.BodyTemplate),
            };
            db.NotificationGroups.Add(group);
            // The entry names the new id, known only after the insert.
            await db.SaveChangesAsync(cancellationToken);
            audit.Add(db, actor, AuditActions.NotificationGroupCreate, Target(group), Channels(group.Recipients));
            await db.SaveChangesAsync(cancellationToken);
            return new GroupChangeResult(GroupChangeOutcome.Done, group);
        }

        var recipients = input.Recipients(group.Recipients, secrets);
        var (title, body) = (Template(input.TitleTemplate), Template(input.BodyTemplate));
        var templatesChanged = group.TitleTemplate != title || group.BodyTemplate != body;
        if (group.Name == name && group.IsDefault == isDefault && !templatesChanged && SameRecipients(group.Recipients, recipients))
            return new GroupChangeResult(GroupChangeOutcome.Done, group, Changed: false);
        var detail = Diff(group, name, isDefault, recipients) + (templatesChanged ? "; message templates changed" : "");
        group.TitleTemplate = title;
        group.BodyTemplate = body;
        db.NotificationRecipients.RemoveRange(group.Recipients);
        group.Recipients = recipients;
        group.Name = name;
        group.IsDefault = isDefault;
        group.UpdatedAt = now;
        audit.Add(db, actor, AuditActions.NotificationGroupUpdate, Target(group), detail);
        await db.SaveChangesAsync(cancellationToken);
        return new GroupChangeResult(GroupChangeOutcome.Done, group);
    }

    /// <summary>Refused while rules or monitors still send to the group, so no alert silently loses its audience.</summary>
    public async Task<GroupChangeResult> DeleteAsync(Actor actor, int id, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.AlertRulesWrite);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var group = await db.NotificationGroups.Include(g => g.Recipients.OrderBy(r => r.Id)).SingleOrDefaultAsync(g => g.Id == id, cancellationToken);
        if (group is null) return new GroupChangeResult(GroupChangeOutcome.NotFound, Changed: false);
        var rules = await db.AlertRules.CountAsync(r => r.NotificationGroupId == id, cancellationToken);
        var monitors = await db.Monitors.CountAsync(m => m.NotificationGroupId == id, cancellationToken);
        if (rules + monitors > 0)
            return new GroupChangeResult(GroupChangeOutcome.Conflict, Message: $"notification group {id} is used by {rules} alert rules and {monitors} monitors", Changed: false);
        // Policies are few and their steps are JSON: read them whole rather than query inside the column.
        var policies = (await db.EscalationPolicies.AsNoTracking().ToListAsync(cancellationToken)).Where(p => p.GroupIds.Contains(id)).Select(p => p.Name).ToList();
        if (policies.Count > 0)
            return new GroupChangeResult(GroupChangeOutcome.Conflict, Message: $"notification group {id} is used by escalation policies: {string.Join(", ", policies)}", Changed: false);
        db.NotificationGroups.Remove(group);
        audit.Add(db, actor, AuditActions.NotificationGroupDelete, Target(group), Channels(group.Recipients));
        await db.SaveChangesAsync(cancellationToken);
        return new GroupChangeResult(GroupChangeOutcome.Done);
    }

    /// <summary>Queues a test message to every recipient; its delivery shows in the outbox like any other.</summary>
    public async Task<GroupChangeResult> SendTestAsync(Actor actor, int id, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.AlertRulesWrite);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var group = await db.NotificationGroups.AsNoTracking().Include(g => g.Recipients.OrderBy(r => r.Id)).SingleOrDefaultAsync(g => g.Id == id, cancellationToken);
        if (group is null) return new GroupChangeResult(GroupChangeOutcome.NotFound, Changed: false);
        if (group.Recipients.Count == 0) return new GroupChangeResult(GroupChangeOutcome.Conflict, Message: $"notification group {id} has no recipients", Changed: false);
        var messages = composer.ComposeTest(group, time.GetUtcNow().UtcDateTime).ToList();
        db.NotificationOutbox.AddRange(messages);
        audit.Add(db, actor, AuditActions.NotificationGroupTest, Target(group), Channels(group.Recipients));
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        return new GroupChangeResult(GroupChangeOutcome.Done, group, Queued: messages.Count, OutboxIds: messages.Select(m => m.Id).ToList());
    }

    private async Task<GroupChangeResult> SaveInOwnTransactionAsync(Actor actor, int? id, NotificationGroupInput input, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.AlertRulesWrite);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var saved = await SaveAsync(db, actor, id, input, cancellationToken);
        if (saved.Changed) await transaction.CommitAsync(cancellationToken);
        return saved;
    }

    /// <summary>An empty template is no template: the default text.</summary>
    private static string? Template(string? source) => string.IsNullOrWhiteSpace(source) ? null : source;

    private static string Target(NotificationGroup group) => $"notification group #{group.Id} {group.Name}";

    /// <summary>"2 Email, 1 Webhook": recipients by channel and count.</summary>
    private static string Channels(IEnumerable<NotificationRecipient> recipients) =>
        string.Join(", ", recipients.GroupBy(r => r.Channel).Select(g => $"{g.Count()} {g.Key}"));

    private static string Diff(NotificationGroup before, string name, bool isDefault, IReadOnlyList<NotificationRecipient> recipients)
    {
        var changes = new List<string>();
        if (before.Name != name) changes.Add($"name: {before.Name} → {name}");
        if (before.IsDefault != isDefault) changes.Add($"default: {before.IsDefault} → {isDefault}");
        var (was, now) = (Channels(before.Recipients), Channels(recipients));
        changes.Add(was == now ? $"recipients changed ({now})" : $"recipients: {(was.Length == 0 ? "none" : was)} → {(now.Length == 0 ? "none" : now)}");
        return string.Join("; ", changes);
    }

    /// <summary>Compares by channel, address, settings, webhook body and headers, and secrets in clear (each protection of a secret gives a new ciphertext).</summary>
    private bool SameRecipients(IReadOnlyList<NotificationRecipient> stored, IReadOnlyList<NotificationRecipient> wanted)
    {
        string Key(NotificationRecipient r) => $"{r.Channel}|{r.Address}|{r.SettingsJson}|{(r.ProtectedSecret is null ? "" : secrets.Unprotect(r.ProtectedSecret))}" +
            $"|{r.BodyTemplate}|{r.ContentType}|{System.Text.Json.JsonSerializer.Serialize(Webhook.WebhookHeaders.InClear(r.HeadersJson, secrets))}";
        return stored.Select(Key).Order(StringComparer.Ordinal).SequenceEqual(wanted.Select(Key).Order(StringComparer.Ordinal));
    }
}
