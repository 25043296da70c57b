using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Notifications;
using ProbeDashboard.Notifications;

namespace ProbeDashboard.ConfigTransfer;

/// <summary>A webhook in the document; <see cref="Secret"/> only when the export was asked to include secrets.</summary>
public sealed record WebhookItem(string? Url, string? Secret = null);

public sealed record NotificationGroupItem(string? Name, List<string>? Emails, List<WebhookItem>? Webhooks, List<string>? Phones, bool? IsDefault = null);

/// <summary>
/// Notification groups, matched by name, validated by the same rules as the API. A webhook without a secret in
/// the file keeps the secret stored for the same URL, so an export without secrets can be re-imported safely.
/// </summary>
public sealed class NotificationGroupSection(SecretProtector secrets) : IConfigSection
{
    public string Key => "notification_groups";
    public int Order => 20;

    public async Task<JsonArray> ExportAsync(ExportContext context, CancellationToken cancellationToken)
    {
        var groups = await context.Db.NotificationGroups.AsNoTracking().Include(g => g.Recipients).ToListAsync(cancellationToken);
        return [.. groups.OrderBy(g => g.Name, StringComparer.Ordinal)
            .Select(g => JsonSerializer.SerializeToNode(Describe(g, context.IncludeSecrets), ConfigJson.Options))];
    }

    public async Task ImportAsync(JsonArray items, ImportContext context, CancellationToken cancellationToken)
    {
        foreach (var (where, item) in context.ReadItems<NotificationGroupItem>(Key, items, i => i.Name))
        {
            var request = new NotificationGroupRequest(item.Name, item.Emails,
                item.Webhooks?.Select(w => new WebhookInput(w?.Url, w?.Secret)).ToList(), item.Phones, item.IsDefault);
            var errors = request.Validate();
            if (errors.Count > 0) { context.ErrorsFrom(where, errors); continue; }

            var name = item.Name!.Trim();
            var group = await context.Db.NotificationGroups.Include(g => g.Recipients).SingleOrDefaultAsync(g => g.Name == name, cancellationToken);
            if (group is null)
            {
                context.Db.NotificationGroups.Add(new NotificationGroup
                {
                    Name = name, CreatedAt = context.Now, UpdatedAt = context.Now, Recipients = request.Recipients([], secrets),
                    IsDefault = item.IsDefault ?? false,
                });
                context.Count(Key, ItemOutcome.Created);
                continue;
            }
            var recipients = request.Recipients(group.Recipients, secrets);
            var isDefault = item.IsDefault ?? false;
            if (SameRecipients(group.Recipients, recipients) && group.IsDefault == isDefault) { context.Count(Key, ItemOutcome.Unchanged); continue; }
            context.Db.NotificationRecipients.RemoveRange(group.Recipients);
            group.Recipients = recipients;
            group.IsDefault = isDefault;
            group.UpdatedAt = context.Now;
            context.Count(Key, ItemOutcome.Updated);
        }
        await context.Db.SaveChangesAsync(cancellationToken);
    }

    private NotificationGroupItem Describe(NotificationGroup group, bool includeSecrets) => new(
        group.Name,
        [.. group.Recipients.Where(r => r.Channel == NotificationChannelKind.Email).Select(r => r.Address)],
        [.. group.Recipients.Where(r => r.Channel == NotificationChannelKind.Webhook)
            .Select(r => new WebhookItem(r.Address, includeSecrets && r.ProtectedSecret is not null ? secrets.Unprotect(r.ProtectedSecret) : null))],
        [.. group.Recipients.Where(r => r.Channel == NotificationChannelKind.Sms).Select(r => r.Address)],
        group.IsDefault);

    /// <summary>Compares by channel, address and secret in clear (each protection of a secret gives a new ciphertext).</summary>
    private bool SameRecipients(IReadOnlyList<NotificationRecipient> stored, IReadOnlyList<NotificationRecipient> wanted)
    {
        string Key(NotificationRecipient r) => $"{r.Channel}|{r.Address}|{(r.ProtectedSecret is null ? "" : secrets.Unprotect(r.ProtectedSecret))}";
        return stored.Select(Key).Order(StringComparer.Ordinal).SequenceEqual(wanted.Select(Key).Order(StringComparer.Ordinal));
    }
}
