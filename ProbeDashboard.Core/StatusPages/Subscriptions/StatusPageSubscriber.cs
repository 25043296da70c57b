namespace ProbeDashboard.Core.StatusPages.Subscriptions;

/// <summary>
/// A reader who asked for mail about one status page. Pending until they follow the confirmation link (double
/// opt-in); only confirmed subscribers get incident and outage mail. Personal data: left out of config export.
/// </summary>
public class StatusPageSubscriber
{
    public long Id { get; set; }
    public int StatusPageId { get; set; }
    /// <summary>Lower-cased, so one address is one subscriber per page.</summary>
    public string Email { get; set; } = "";
    /// <summary>The language the reader saw the page in when subscribing ("en" or "zh-Hans"): their mails use it.</summary>
    public string Language { get; set; } = SubscriptionLanguages.English;
    public DateTime CreatedAt { get; set; }
    public DateTime? ConfirmedAt { get; set; }
    /// <summary>SHA-256 of the confirmation token (the token itself is only in the mail); null once confirmed.</summary>
    public string? ConfirmTokenHash { get; set; }
    public DateTime? ConfirmExpiresAt { get; set; }
    /// <summary>When the last confirmation mail was queued: one per address per <see cref="SubscriptionService.ResendAfter"/>.</summary>
    public DateTime? ConfirmSentAt { get; set; }
    /// <summary>SHA-256 of the unsubscribe token, to find the subscriber from a link.</summary>
    public string UnsubscribeTokenHash { get; set; } = "";
    /// <summary>The unsubscribe token encrypted with the data-protection key ring, to put the link into every mail.</summary>
    public string ProtectedUnsubscribeToken { get; set; } = "";

    public bool Confirmed => ConfirmedAt is not null;
}

public static class SubscriptionLanguages
{
    public const string English = "en";
    public const string SimplifiedChinese = "zh-Hans";

    /// <summary>The mail language for a UI culture name: Chinese for any "zh" culture, English otherwise.</summary>
    public static string For(string? cultureName) =>
        cultureName is not null && cultureName.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? SimplifiedChinese : English;
}
