using System.Text.RegularExpressions;
using ProbeDashboard.Core.Notifications.Channels;
using ProbeDashboard.Core.Notifications.Email;

namespace ProbeDashboard.Core.Notifications;

/// <summary>
/// A webhook recipient as callers give it; <see cref="Secret"/> null keeps the stored one for the URL, "" removes it.
/// <see cref="BodyTemplate"/>: Liquid template of the body (null or empty: the standard JSON payload);
/// <see cref="ContentType"/>: null or empty: application/json; <see cref="Headers"/>: extra headers, a secret one's
/// value write-only like the secret.
/// </summary>
public sealed record WebhookInput(string? Url, string? Secret, string? BodyTemplate = null, string? ContentType = null,
    IReadOnlyList<Webhook.WebhookHeaderInput?>? Headers = null);

/// <summary>
/// What a caller asks a notification group to be. A webhook's secret is write-only: on update, leaving it out keeps
/// the stored one for the same URL, an empty string removes it. <see cref="IsDefault"/>: the group hears the alerts
/// of every monitor without a notification_id of its own. <see cref="Services"/>: recipients on services with their
/// own API (Slack, Telegram, PagerDuty, ...), see <see cref="ChannelRecipients"/>.
/// </summary>
public sealed partial record NotificationGroupInput(
    string? Name, IReadOnlyList<string>? Emails, IReadOnlyList<WebhookInput>? Webhooks, IReadOnlyList<string>? Phones, bool? IsDefault = null,
    IReadOnlyList<ChannelRecipientInput?>? Services = null, string? TitleTemplate = null, string? BodyTemplate = null)
{
    /// <summary>Checks everything that needs no database; an empty result means valid. Keys are the API's field names.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Name)) errors["name"] = ["name is required"];
        else if (Name.Length > 200) errors["name"] = ["name is longer than 200 characters"];
        var badEmails = (Emails ?? []).Where(e => !EmailAddressSyntax.IsValid(e?.Trim())).ToList();
        if (badEmails.Count > 0) errors["emails"] = [$"not e-mail addresses: {string.Join(", ", badEmails)}"];
        var badUrls = (Webhooks ?? []).Where(w => !Uri.TryCreate(w?.Url, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
            .Select(w => w?.Url ?? "(missing)").ToList();
        if (badUrls.Count > 0) errors["webhooks"] = [$"webhook urls must be absolute http(s) URLs: {string.Join(", ", badUrls)}"];
        else if ((Webhooks ?? []).Any(w => w.Secret?.Length > 500)) errors["webhooks"] = ["a webhook secret is longer than 500 characters"];
        for (var i = 0; i < (Webhooks?.Count ?? 0); i++)
        {
            if (Webhooks![i] is not { } hook) continue;
            Webhook.WebhookBody.Validate(hook.BodyTemplate, hook.ContentType, $"webhooks[{i}]", errors);
            Webhook.WebhookHeaders.Validate(hook.Headers ?? [], $"webhooks[{i}]", errors);
        }
        var badPhones = (Phones ?? []).Where(p => p is null || !PhonePattern().IsMatch(p)).ToList();
        if (badPhones.Count > 0) errors["phones"] = [$"not phone numbers: {string.Join(", ", badPhones)}"];
        ChannelRecipients.Validate(Services ?? [], errors);
        foreach (var (field, messages) in Templates.GroupTemplates.Validate(TitleTemplate, BodyTemplate)) errors[field] = messages;
        if ((Emails?.Count ?? 0) + (Webhooks?.Count ?? 0) + (Phones?.Count ?? 0) + (Services?.Count ?? 0) > 100) errors["recipients"] = ["at most 100 recipients per group"];
        return errors;
    }

    /// <summary>After <see cref="Validate"/>: required secrets that are neither given nor stored for the same recipient.</summary>
    public Dictionary<string, string[]> ValidateSecrets(IReadOnlyList<NotificationRecipient> existing, SecretProtector secrets)
    {
        var errors = new Dictionary<string, string[]>();
        ChannelRecipients.ValidateSecrets([.. (Services ?? []).OfType<ChannelRecipientInput>()], existing, secrets, errors);
        for (var i = 0; i < (Webhooks?.Count ?? 0); i++)
            Webhook.WebhookHeaders.ValidateSecrets(Webhooks![i].Headers ?? [], StoredWebhook(existing, Webhooks[i].Url)?.HeadersJson, $"webhooks[{i}]", errors);
        return errors;
    }

    /// <summary>The recipients this input asks for, reusing stored secrets where the input leaves them out.</summary>
    public List<NotificationRecipient> Recipients(IReadOnlyList<NotificationRecipient> existing, SecretProtector secrets) =>
    [
        .. (Emails ?? []).Select(e => e.Trim()).Distinct().Select(e => new NotificationRecipient { Channel = NotificationChannelKind.Email, Address = e }),
        .. (Webhooks ?? []).DistinctBy(w => w.Url).Select(w => new NotificationRecipient
        {
            Channel = NotificationChannelKind.Webhook,
            Address = w.Url!,
            ProtectedSecret = w.Secret switch
            {
                null => StoredWebhook(existing, w.Url)?.ProtectedSecret,
                "" => null,
                var secret => secrets.Protect(secret),
            },
            BodyTemplate = string.IsNullOrWhiteSpace(w.BodyTemplate) ? null : w.BodyTemplate,
            ContentType = string.IsNullOrWhiteSpace(w.ContentType) ? null : w.ContentType.Trim(),
            HeadersJson = Webhook.WebhookHeaders.Build(w.Headers, StoredWebhook(existing, w.Url)?.HeadersJson, secrets),
        }),
        .. (Phones ?? []).Select(p => p.Trim()).Distinct().Select(p => new NotificationRecipient { Channel = NotificationChannelKind.Sms, Address = p }),
        .. ChannelRecipients.Build([.. (Services ?? []).OfType<ChannelRecipientInput>()], existing, secrets),
    ];

    private static NotificationRecipient? StoredWebhook(IReadOnlyList<NotificationRecipient> existing, string? url) =>
        existing.FirstOrDefault(r => r.Channel == NotificationChannelKind.Webhook && r.Address == url);

    [GeneratedRegex(@"^\+?[0-9][0-9 \-]{2,22}$")]
    private static partial Regex PhonePattern();
}

public enum GroupChangeOutcome { Done, Invalid, NotFound, Conflict }

/// <summary>What a change to a group came to; <see cref="Message"/> explains a conflict.</summary>
/// <param name="Changed">False when a save matched the stored group: nothing was written or audited.</param>
public sealed record GroupChangeResult(GroupChangeOutcome Outcome, NotificationGroup? Group = null, string Message = "",
    IReadOnlyDictionary<string, string[]>? Errors = null, int Queued = 0, IReadOnlyList<long>? OutboxIds = null, bool Changed = true);

/// <summary>A group as lists show it: recipients counted per channel.</summary>
/// <param name="Services">Recipients on services with their own API (Slack, Telegram, PagerDuty, ...).</param>
public sealed record NotificationGroupSummary(int Id, string Name, bool IsDefault, int Emails, int Webhooks, int Phones, int Services = 0);
