using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using ProbeDashboard.Core.StatusPages.Subscriptions;

namespace ProbeDashboard.StatusPages.Subscriptions;

/// <summary>
/// Subscribe posts per client address and hour (<see cref="SubscriptionOptions.SubscribePerIpPerHour"/>), so the form
/// cannot be used to send confirmation mail in bulk. The per-address limit is Core's (one confirmation mail per
/// address and page per quarter hour) and is silent, so it does not tell who subscribed.
/// </summary>
public sealed class SubscribeRateLimiter(IOptions<SubscriptionOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(client =>
        RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.SubscribePerIpPerHour,
            Window = TimeSpan.FromHours(1),
            QueueLimit = 0,
        }));

    /// <returns>True when the client may subscribe now; false when it is over its limit.</returns>
    public bool TryAcquire(HttpContext context)
    {
        // Behind a known proxy this is the forwarded client address (the forwarded-headers step ran before).
        using var lease = _limiter.AttemptAcquire(context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
