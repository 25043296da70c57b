using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Notifications;
using ProbeDashboard.Core.Notifications.Channels;
using ProbeDashboard.Core.Notifications.Webhook;

namespace ProbeDashboard.Core.ConfigTransfer;

/// <summary>
/// A webhook in the document; <see cref="Secret"/> and secret header values only when the export was asked to include
/// secrets (left out, an import keeps those stored for the same URL and header name).
/// </summary>
public sealed record WebhookItem(string? Url, string? Secret = null, string? BodyTemplate = null, string? ContentType = null, List<WebhookHeaderInput?>? Headers = null);

/// <param name="Recipients">Service channel recipients as the API takes them; secret settings only when the export includes secrets.</param>
public sealed record NotificationGroupItem(string? Name, List<string>? Emails, List<WebhookItem>? Webhooks, List<string>? Phones, bool? IsDefault = null,
    List<ChannelRecipientInput?>? Recipients = null, string? TitleTemplate = null, string? BodyTemplate = null);

/// <summary>
/// Notification groups, matched by name, saved through Core's <see cref="NotificationGroupService"/> (validated and
/// audited as the API's are). A webhook without a secret in
/// the file keeps the secret stored for the same URL, and a service channel recipient without its secrets keeps
/// those stored for the same kind and name, so an export without secrets can be re-imported safely.
/// </summary>
public sealed class NotificationGroupSection(NotificationGroupService groups, SecretProtector secrets) : IConfigSection
{
    public string Key => "notification_groups";
    public int Order => 20;

    public async Task<JsonArray> ExportAsync(ExportContext context, CancellationToken cancellationToken)
    {
        var groups = await context.Db.NotificationGroups.AsNoTracking().Include(g => g.Recipients.OrderBy(r => r.Id)).ToListAsync(cancellationToken);
        return [.. groups.OrderBy(g => g.Name, StringComparer.Ordinal)
            .Select(g => JsonSerializer.SerializeToNode(Describe(g, context.IncludeSecrets), ConfigJson.Options))];
    }

    public async Task ImportAsync(JsonArray items, ImportContext context, CancellationToken cancellationToken)
    {
        foreach (var (where, item) in context.ReadItems<NotificationGroupItem>(Key, items, i => i.Name))
        {
            var input = new NotificationGroupInput(item.Name, item.Emails,
                item.Webhooks?.Select(w => new WebhookInput(w?.Url, w?.Secret, w?.BodyTemplate, w?.ContentType, w?.Headers)).ToList(), item.Phones, item.IsDefault, item.Recipients,
                item.TitleTemplate, item.BodyTemplate);
            var errors = input.Validate();
            if (errors.Count > 0) { context.ErrorsFrom(where, errors); continue; }

            var name = item.Name!.Trim();
            var storedId = await context.Db.NotificationGroups.Where(g => g.Name == name).Select(g => (int?)g.Id).SingleOrDefaultAsync(cancellationToken);
            var saved = await groups.SaveAsync(context.Db, context.Actor, storedId, input, cancellationToken);
            if (saved.Outcome != GroupChangeOutcome.Done) { context.Error(where, saved.Message); continue; }
            context.Count(Key, storedId is null ? ItemOutcome.Created : saved.Changed ? ItemOutcome.Updated : ItemOutcome.Unchanged);
        }
    }

    private NotificationGroupItem Describe(NotificationGroup group, bool includeSecrets) => new(
        group.Name,
        [.. group.Recipients.Where(r => r.Channel == NotificationChannelKind.Email).Select(r => r.Address)],
        [.. group.Recipients.Where(r => r.Channel == NotificationChannelKind.Webhook)
            .Select(r => new WebhookItem(r.Address, includeSecrets && r.ProtectedSecret is not null ? secrets.Unprotect(r.ProtectedSecret) : null,
                r.BodyTemplate, r.ContentType, Headers(r, includeSecrets)))],
        [.. group.Recipients.Where(r => r.Channel == NotificationChannelKind.Sms).Select(r => r.Address)],
        group.IsDefault,
        // Left out when empty, so the files of groups without service channels read as before.
        group.Recipients.Where(r => ChannelCatalog.For(r.Channel) is not null).Select(r => Describe(r, includeSecrets)).ToList() is { Count: > 0 } services ? services : null,
        group.TitleTemplate, group.BodyTemplate);

    /// <returns>Null without headers, so the files of plain webhooks read as before.</returns>
    private List<WebhookHeaderInput?>? Headers(NotificationRecipient webhook, bool includeSecrets) =>
        WebhookHeaders.Parse(webhook.HeadersJson) is { Count: > 0 } headers
            ? [.. headers.Select(h => new WebhookHeaderInput(h.Name, h.ProtectedValue is { } p ? (includeSecrets ? secrets.Unprotect(p) : null) : h.Value, h.Secret))]
            : null;

    private ChannelRecipientInput? Describe(NotificationRecipient recipient, bool includeSecrets)
    {
        var values = ChannelSettings.Parse(recipient.SettingsJson);
        if (includeSecrets && recipient.ProtectedSecret is not null)
            foreach (var (name, value) in ChannelSettings.Parse(secrets.Unprotect(recipient.ProtectedSecret))) values[name] = value;
        return ChannelRecipientInput.Of(ChannelCatalog.For(recipient.Channel)!, recipient.Address, values);
    }
}
