using ProbeDashboard.Core.Monitors;

namespace ProbeDashboard.Monitors;

public static class MonitorKindText
{
    /// <summary>Protocol names are the same in every language.</summary>
    public static string Label(this MonitorKind kind) => kind switch
    {
        MonitorKind.Http => "HTTP",
        MonitorKind.Tcp => "TCP",
        MonitorKind.Icmp => "ICMP",
        MonitorKind.Tls => "TLS",
        MonitorKind.Dns => "DNS",
        _ => kind.ToString(),
    };
}
