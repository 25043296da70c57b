using ProbeDashboard.Core.Notifications;

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

    public sealed class WebhookRow
    {
        public string Url { get; set; } = "";
        /// <summary>A new secret; empty keeps the stored one.</summary>
        public string NewSecret { get; set; } = "";
        public bool HasStoredSecret { get; init; }
        public bool RemoveSecret { get; set; }
    }

    public static NotificationGroupForm Of(NotificationGroup group) => new()
    {
        Name = group.Name,
        IsDefault = group.IsDefault,
        Emails = Lines(group, NotificationChannelKind.Email),
        Phones = Lines(group, NotificationChannelKind.Sms),
        Webhooks = group.Recipients.Where(r => r.Channel == NotificationChannelKind.Webhook)
            .Select(r => new WebhookRow { Url = r.Address, HasStoredSecret = r.ProtectedSecret is not null }).ToList(),
    };

    public NotificationGroupInput ToInput() => new(
        Name,
        Split(Emails),
        Webhooks.Where(w => !string.IsNullOrWhiteSpace(w.Url))
            .Select(w => new WebhookInput(w.Url.Trim(), w.RemoveSecret ? "" : string.IsNullOrEmpty(w.NewSecret) ? null : w.NewSecret)).ToList(),
        Split(Phones),
        IsDefault);

    private static string Lines(NotificationGroup group, NotificationChannelKind channel) =>
        string.Join('\n', group.Recipients.Where(r => r.Channel == channel).Select(r => r.Address));

    private static List<string> Split(string text) =>
        text.Split(['\n', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
