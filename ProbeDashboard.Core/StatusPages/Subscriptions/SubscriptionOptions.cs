using System.ComponentModel.DataAnnotations;

namespace ProbeDashboard.Core.StatusPages.Subscriptions;

/// <summary>Status page e-mail subscriptions. Section "StatusPages:Subscriptions".</summary>
public class SubscriptionOptions
{
    public const string Section = "StatusPages:Subscriptions";

    /// <summary>
    /// Monitor changes within this time after the first one go into one mail per page, in milliseconds; a monitor
    /// that goes down and comes back inside it sends nothing.
    /// </summary>
    [Range(0, 600_000)]
    public int CoalesceMs { get; set; } = 30_000;

    /// <summary>Subscribe requests one client address may send per hour (all pages together); more answer 429.</summary>
    [Range(1, 100_000)]
    public int SubscribePerIpPerHour { get; set; } = 10;
}
