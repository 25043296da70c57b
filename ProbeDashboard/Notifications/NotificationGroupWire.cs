using System.Text.RegularExpressions;
using ProbeDashboard.Core.Notifications;
using ProbeDashboard.Core.Notifications.Email;

namespace ProbeDashboard.Notifications;

public sealed record WebhookInput(string? Url, string? Secret);

/// <summary>
/// Body of POST and PUT /api/v1/notification-groups. A webhook's secret is write-only: on update, leaving it
/// out keeps the stored one for the same URL, an empty string removes it.
/// </summary>
/// <c>is_default</c>: the group hears the alerts of every monitor without a notification_id of its own.
public sealed partial record NotificationGroupRequest(string? Name, List<string>? Emails, List<WebhookInput>? Webhooks, List<string>? Phones, bool? IsDefault = null)
{
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
        var badPhones = (Phones ?? []).Where(p => p is null || !PhonePattern().IsMatch(p)).ToList();
        if (badPhones.Count > 0) errors["phones"] = [$"not phone numbers: {string.Join(", ", badPhones)}"];
        if ((Emails?.Count ?? 0) + (Webhooks?.Count ?? 0) + (Phones?.Count ?? 0) > 100) errors["recipients"] = ["at most 100 recipients per group"];
        return errors;
    }

    /// <summary>The recipients this request asks for, reusing stored secrets where the request leaves them out.</summary>
    public List<NotificationRecipient> Recipients(IReadOnlyList<NotificationRecipient> existing, SecretProtector secrets) =>
    [
        .. (Emails ?? []).Select(e => e.Trim()).Distinct().Select(e => new NotificationRecipient { Channel = NotificationChannelKind.Email, Address = e }),
        .. (Webhooks ?? []).DistinctBy(w => w.Url).Select(w => new NotificationRecipient
        {
            Channel = NotificationChannelKind.Webhook,
            Address = w.Url!,
            ProtectedSecret = w.Secret switch
            {
                null => existing.FirstOrDefault(r => r.Channel == NotificationChannelKind.Webhook && r.Address == w.Url)?.ProtectedSecret,
                "" => null,
                var secret => secrets.Protect(secret),
            },
        }),
        .. (Phones ?? []).Select(p => p.Trim()).Distinct().Select(p => new NotificationRecipient { Channel = NotificationChannelKind.Sms, Address = p }),
    ];

    [GeneratedRegex(@"^\+?[0-9][0-9 \-]{2,22}$")]
    private static partial Regex PhonePattern();
}

/// <summary>A webhook as the API shows it: whether it has a secret, never the secret.</summary>
public sealed record WebhookOutput(string Url, bool HasSecret);

public sealed record NotificationGroupResponse(
    int Id, string Name, IReadOnlyList<string> Emails, IReadOnlyList<WebhookOutput> Webhooks, IReadOnlyList<string> Phones,
    DateTime CreatedAt, DateTime UpdatedAt, bool IsDefault)
{
    public static NotificationGroupResponse Of(NotificationGroup g) => new(
        g.Id, g.Name,
        g.Recipients.Where(r => r.Channel == NotificationChannelKind.Email).Select(r => r.Address).ToList(),
        g.Recipients.Where(r => r.Channel == NotificationChannelKind.Webhook).Select(r => new WebhookOutput(r.Address, r.ProtectedSecret is not null)).ToList(),
        g.Recipients.Where(r => r.Channel == NotificationChannelKind.Sms).Select(r => r.Address).ToList(),
        g.CreatedAt, g.UpdatedAt, g.IsDefault);
}

public sealed record TestNotificationResponse(int Queued, IReadOnlyList<long> OutboxIds);
