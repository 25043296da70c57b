using System.Globalization;
using ProbeDashboard.Core.Notifications;
using ProbeDashboard.Core.Notifications.Channels;
using ProbeDashboard.Core.Notifications.Webhook;

namespace ProbeDashboard.Notifications;

/// <summary>What the group dialog edits. Secrets are write-only: the form never holds a stored one.</summary>
public sealed class NotificationGroupForm
{
    public string Name { get; set; } = "";
    /// <summary>One address per line.</summary>
    public string Emails { get; set; } = "";
    public string Phones { get; set; } = "";
    public List<WebhookRow> Webhooks { get; set; } = [];
    /// <summary>Hears the alerts of every monitor that names no group.</summary>
    public bool IsDefault { get; set; }

    /// <summary>Recipients on services with their own API (Slack, Telegram, PagerDuty, ...).</summary>
    public List<ServiceRow> Services { get; set; } = [];

    /// <summary>
    /// One service recipient. <see cref="Values"/> holds its plain settings as stored and the secrets typed anew; a secret
    /// left empty keeps the stored one (matched by kind and name, as the API does).
    /// </summary>
    public sealed class ServiceRow
    {
        public string Kind { get; set; } = ChannelCatalog.All[0].Name;
        public string Name { get; set; } = "";
        public Dictionary<string, string> Values { get; init; } = [];
        public bool HasStoredSecret { get; init; }
        public ChannelDefinition Definition => ChannelCatalog.Named(Kind) ?? ChannelCatalog.All[0];

        public string Get(string field) => Values.TryGetValue(field, out var value) ? value : "";

        public int? Number(string field) => int.TryParse(Get(field), CultureInfo.InvariantCulture, out var n) ? n : null;

        public void SetNumber(string field, int? value) => Values[field] = value?.ToString(CultureInfo.InvariantCulture) ?? "";

        /// <summary>Only the settings of the chosen kind, so switching kind does not send the previous kind's.</summary>
        public ChannelRecipientInput ToInput() => ChannelRecipientInput.Of(Definition, Name,
            Definition.Fields.Where(f => Get(f.Name).Length > 0).ToDictionary(f => f.Name, f => Get(f.Name).Trim()));
    }

    public sealed class WebhookRow
    {
        public string Url { get; set; } = "";
        /// <summary>A new secret; empty keeps the stored one.</summary>
        public string NewSecret { get; set; } = "";
        public bool HasStoredSecret { get; init; }
        public bool RemoveSecret { get; set; }
        /// <summary>Liquid body template; empty: the standard JSON payload.</summary>
        public string BodyTemplate { get; set; } = "";
        /// <summary>Empty: application/json.</summary>
        public string ContentType { get; set; } = "";
        public List<HeaderRow> Headers { get; set; } = [];
        /// <summary>Whether the template and headers are shown; open from the start when the webhook has some.</summary>
        public bool Expanded { get; set; }

        public WebhookInput ToInput() => new(Url.Trim(), RemoveSecret ? "" : string.IsNullOrEmpty(NewSecret) ? null : NewSecret,
            BodyTemplate, ContentType, [.. Headers.Select(h => h.ToInput())]);
    }

    /// <summary>An extra header. A secret one's stored value is never in the form: left empty, it is kept.</summary>
    public sealed class HeaderRow
    {
        public string Name { get; set; } = "";
        public string Value { get; set; } = "";
        public bool Secret { get; set; }
        public bool HasStoredValue { get; init; }

        /// <summary>A secret left empty asks to keep the stored value; without one the Core names the missing value.</summary>
        public WebhookHeaderInput ToInput() => new(Name.Trim(), Secret && Value.Length == 0 ? null : Value, Secret);
    }

    /// <summary>Liquid title template (empty: the default).</summary>
    public string TitleTemplate { get; set; } = "";

    /// <summary>Liquid body template (empty: the default).</summary>
    public string BodyTemplate { get; set; } = "";

    public static NotificationGroupForm Of(NotificationGroup group) => new()
    {
        Name = group.Name,
        TitleTemplate = group.TitleTemplate ?? "",
        BodyTemplate = group.BodyTemplate ?? "",
        IsDefault = group.IsDefault,
        Emails = Lines(group, NotificationChannelKind.Email),
        Phones = Lines(group, NotificationChannelKind.Sms),
        Webhooks = group.Recipients.Where(r => r.Channel == NotificationChannelKind.Webhook)
            .Select(r => new WebhookRow
            {
                Url = r.Address, HasStoredSecret = r.ProtectedSecret is not null, BodyTemplate = r.BodyTemplate ?? "", ContentType = r.ContentType ?? "",
                Headers = [.. WebhookHeaders.Parse(r.HeadersJson).Select(h => new HeaderRow { Name = h.Name, Value = h.Value ?? "", Secret = h.Secret, HasStoredValue = h.Secret })],
                Expanded = r.BodyTemplate is not null || r.ContentType is not null || r.HeadersJson is not null,
            }).ToList(),
        Services = [.. group.Recipients.Where(r => ChannelCatalog.For(r.Channel) is not null).Select(r => new ServiceRow
        {
            Kind = ChannelCatalog.For(r.Channel)!.Name,
            Name = r.Address,
            Values = ChannelSettings.Parse(r.SettingsJson),
            HasStoredSecret = r.ProtectedSecret is not null,
        })],
    };

    public NotificationGroupInput ToInput() => new(
        Name,
        Split(Emails),
        Webhooks.Where(w => !string.IsNullOrWhiteSpace(w.Url)).Select(w => w.ToInput()).ToList(),
        Split(Phones),
        IsDefault,
        [.. Services.Select(r => r.ToInput())],
        TitleTemplate,
        BodyTemplate);

    private static string Lines(NotificationGroup group, NotificationChannelKind channel) =>
        string.Join('\n', group.Recipients.Where(r => r.Channel == channel).Select(r => r.Address));

    private static List<string> Split(string text) =>
        text.Split(['\n', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
