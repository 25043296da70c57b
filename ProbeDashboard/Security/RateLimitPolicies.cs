using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ProbeDashboard.Security;

/// <summary>
/// Named per-client-IP rate-limit policies. Endpoints opt in with <c>.RequireRateLimiting(RateLimitPolicies.X)</c>;
/// a rejected request gets 429 in the envelope of its API (see <see cref="RateLimitRejection"/>).
/// </summary>
public static class RateLimitPolicies
{
    public const string SignIn = "signin";
    public const string Token = "token";
    public const string Compat = "compat";
    public const string Agent = "agent";
    public const string Push = "push";

    public static IServiceCollection AddDashboardRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) => new ValueTask(RateLimitRejection.WriteAsync(context.HttpContext, context.Lease));
            limiter.AddPolicy(SignIn, context => PerClientIp(context, o => o.SignIn));
            limiter.AddPolicy(Token, context => PerClientIp(context, o => o.Token));
            limiter.AddPolicy(Compat, context => PerClientIp(context, o => o.Compat));
            limiter.AddPolicy(Agent, context => PerClientIp(context, o => o.Agent));
            limiter.AddPolicy(Push, context => PerClientIp(context, o => o.Push));
        });
        return services;
    }

    /// <summary>
    /// One fixed window per client address. The address is the socket's peer, or the forwarded one when the request
    /// came through a configured known proxy (<see cref="ReverseProxyOptions"/>); requests without one share a bucket.
    /// </summary>
    private static RateLimitPartition<string> PerClientIp(HttpContext context, Func<RateLimitOptions, RateLimitWindow> select)
    {
        var window = select(context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value);
        var client = context.Connection.RemoteIpAddress ?? IPAddress.None;
        return RateLimitPartition.GetFixedWindowLimiter(client.ToString(), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = window.PermitLimit,
            Window = TimeSpan.FromSeconds(window.WindowSeconds),
            QueueLimit = 0,
        });
    }
}
