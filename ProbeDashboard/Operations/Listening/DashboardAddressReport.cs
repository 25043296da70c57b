using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using ProbeDashboard.Core.Notifications;
using ProbeDashboard.Security;

namespace ProbeDashboard.Operations.Listening;

/// <summary>
/// Once the server listens, tells Core where links in notifications should point and says so in one log line:
/// <c>Dashboard:PublicUrl</c> when set, else the first bound address (the real port, also when it was chosen at
/// start-up). A configured address that matches none of the bound ones, with no reverse proxy configured, is
/// probably a mistake copied from another machine: that is a warning.
/// </summary>
public static partial class DashboardAddressReport
{
    public static void ReportDashboardAddress(this WebApplication app) =>
        app.Lifetime.ApplicationStarted.Register(() => Report(app));

    private static void Report(WebApplication app)
    {
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
        var dashboard = app.Services.GetRequiredService<DashboardAddress>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DashboardAddressReport));
        if (!dashboard.IsConfigured)
        {
            if (bound.Count == 0) return;
            dashboard.UseBoundAddress(Reachable(bound[0]));
            LogDerived(logger, dashboard.Url);
            return;
        }
        var proxies = app.Configuration.GetSection(ReverseProxyOptions.Section).Get<ReverseProxyOptions>()?.KnownProxies ?? [];
        if (proxies.Length == 0 && bound.Count > 0 && !bound.Any(b => SameOrigin(dashboard.Url, b)))
            LogMismatch(logger, dashboard.Url, string.Join(", ", bound));
    }

    /// <summary>A wildcard listener is reached by the machine's name, not by "[::]" or "0.0.0.0".</summary>
    private static string Reachable(string address)
    {
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri)) return address;
        var host = uri.Host.Trim('[', ']');
        var wildcard = host is "0.0.0.0" or "::" or "*" or "+" || (IPAddress.TryParse(host, out var ip) && (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any)));
        return wildcard ? new UriBuilder(uri) { Host = Dns.GetHostName() }.Uri.GetLeftPart(UriPartial.Authority) : address;
    }

    private static bool SameOrigin(string publicUrl, string boundAddress)
    {
        if (!Uri.TryCreate(publicUrl, UriKind.Absolute, out var wanted) || !Uri.TryCreate(boundAddress, UriKind.Absolute, out var bound))
            return false;
        if (wanted.Scheme != bound.Scheme || wanted.Port != bound.Port) return false;
        var host = bound.Host.Trim('[', ']');
        return host is "0.0.0.0" or "::" || string.Equals(wanted.Host, bound.Host, StringComparison.OrdinalIgnoreCase)
               || (bound.IsLoopback && wanted.IsLoopback);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Links in notifications point at {PublicUrl} (the first address this server listens on; set Dashboard:PublicUrl to the address users reach)")]
    private static partial void LogDerived(ILogger logger, string publicUrl);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dashboard:PublicUrl {PublicUrl} matches none of the addresses this server listens on ({BoundAddresses}) and no reverse proxy is configured (ReverseProxy:KnownProxies): links in notifications may not reach this server")]
    private static partial void LogMismatch(ILogger logger, string publicUrl, string boundAddresses);
}
