using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace ProbeDashboard.Security;

public static class SecuritySetup
{
    /// <summary>Rate-limit policies and the trusted reverse proxies.</summary>
    public static WebApplicationBuilder AddSecurity(this WebApplicationBuilder builder)
    {
        builder.Services.AddDashboardRateLimits();
        builder.Services.AddOptions<ReverseProxyOptions>().BindConfiguration(ReverseProxyOptions.Section);
        builder.Services.AddAntiforgery(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        return builder;
    }

    /// <summary>Forwarded headers (only from known proxies), security headers, the Origin check of circuits, rate limits.</summary>
    public static void UseSecurity(this WebApplication app)
    {
        var proxies = app.Configuration.GetSection(ReverseProxyOptions.Section).Get<ReverseProxyOptions>()?.KnownProxies ?? [];
        if (proxies.Length > 0)
        {
            var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
            forwarded.KnownIPNetworks.Clear();
            forwarded.KnownProxies.Clear();
            foreach (var proxy in proxies) forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            app.UseForwardedHeaders(forwarded);
        }
        app.UseSecurityHeaders();
        app.UseCircuitOriginCheck();
        app.UseRateLimiter();
    }
}
