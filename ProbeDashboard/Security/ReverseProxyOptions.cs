namespace ProbeDashboard.Security;

/// <summary>
/// Proxies in front of the server (section <c>ReverseProxy</c>). Only requests from these addresses may set the
/// client address and scheme through X-Forwarded-For / X-Forwarded-Proto; with none configured the headers are
/// ignored, so a client cannot dodge its rate limit by inventing an address.
/// </summary>
public sealed class ReverseProxyOptions
{
    public const string Section = "ReverseProxy";

    /// <summary>IP addresses of trusted reverse proxies, e.g. <c>["127.0.0.1"]</c> for a proxy on the same machine.</summary>
    public string[] KnownProxies { get; set; } = [];
}
