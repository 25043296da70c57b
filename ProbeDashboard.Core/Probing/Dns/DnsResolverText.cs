using System.Net;
using System.Net.Sockets;

namespace ProbeDashboard.Core.Probing.Dns;

/// <summary>A DNS monitor's <c>resolver</c>: "ip", "ip:port", "v6" or "[v6]:port"; port 53 when none is given.</summary>
public static class DnsResolverText
{
    public const int DefaultPort = 53;

    public static bool TryParse(string? text, out IPEndPoint endpoint)
    {
        endpoint = null!;
        text = text?.Trim();
        if (string.IsNullOrEmpty(text) || !IPEndPoint.TryParse(text, out var parsed)) return false;
        // The address as written, without brackets or port: refuses shorthands such as "10.1" that IPAddress accepts.
        var address = parsed.AddressFamily == AddressFamily.InterNetworkV6 || !text.Contains(':') ? text : text[..text.LastIndexOf(':')];
        if (address.StartsWith('[')) address = address[1..address.IndexOf(']')];
        if (!Monitors.MonitorTargetRules.IsIpAddress(address)) return false;
        var explicitPort = text.StartsWith('[') || (parsed.AddressFamily != AddressFamily.InterNetworkV6 && text.Contains(':'));
        if (explicitPort && parsed.Port == 0) return false;
        endpoint = parsed.Port == 0 ? new IPEndPoint(parsed.Address, DefaultPort) : parsed;
        return true;
    }
}
