using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ProbeDashboard.Core.Monitors;

/// <summary>The shape of a monitor's target per type: an http(s) URL, host:port, or a bare host or IP.</summary>
public static class MonitorTargetRules
{
    internal static void Validate(MonitorKind kind, string? target, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(target))
        {
            errors.Add("target", "is required");
            return;
        }
        target = target.Trim();
        if (target.Length > 2048)
        {
            errors.Add("target", "must be at most 2048 characters");
            return;
        }
        var problem = kind switch
        {
            MonitorKind.Http => IsHttpUrl(target) ? null : "must be an absolute http:// or https:// URL",
            MonitorKind.Tcp or MonitorKind.Tls => TryParseHostPort(target, out _, out _) ? null : "must be host:port with a port from 1 to 65535 ([v6-address]:port for IPv6)",
            _ => IsHost(target) ? null : "must be a host name or an IP address, without scheme or port",
        };
        if (problem is not null) errors.Add("target", problem);
    }

    public static bool IsHttpUrl(string target) =>
        Uri.TryCreate(target, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host)
        && !target.Any(char.IsWhiteSpace);

    /// <summary>Splits a TCP target: "example.com:443", "10.0.0.1:22" or "[::1]:8080".</summary>
    public static bool TryParseHostPort(string target, out string host, out int port)
    {
        host = "";
        port = 0;
        var colon = target.LastIndexOf(':');
        if (colon <= 0) return false;
        var hostPart = target[..colon];
        if (hostPart.StartsWith('[') && hostPart.EndsWith(']')) hostPart = hostPart[1..^1];
        else if (hostPart.Contains(':')) return false;

        if (!int.TryParse(target[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out port)
            || port is < 1 or > 65535 || !IsHost(hostPart))
            return false;
        host = hostPart;
        return true;
    }

    /// <summary>A literal IPv4 (four dotted parts, not the shorthand "10.1") or IPv6 address.</summary>
    public static bool IsIpAddress(string value) =>
        IPAddress.TryParse(value, out var address)
        && (address.AddressFamily == AddressFamily.InterNetworkV6 ? value.Contains(':') : value.Split('.').Length == 4);

    /// <summary>A DNS name, an IPv4 or an IPv6 address.</summary>
    public static bool IsHost(string value) =>
        Uri.CheckHostName(value) is UriHostNameType.Dns or UriHostNameType.IPv4 or UriHostNameType.IPv6;
}
