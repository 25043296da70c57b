using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Probing.Dns;

namespace ProbeDashboard.Monitors.Kinds;

/// <summary>The DNS part of the monitor form. It only carries values; Core's validator judges them.</summary>
public sealed class DnsFieldsModel
{
    public string RecordType { get; set; } = DnsProbeOptions.DefaultRecordType;
    /// <summary>Empty: the system's resolvers.</summary>
    public string? Resolver { get; set; }
    public string Protocol { get; set; } = "udp";
    /// <summary>Empty: any answer passes.</summary>
    public string? Expected { get; set; }

    public static DnsFieldsModel From(DnsProbeOptions dns) => new()
    {
        RecordType = dns.RecordType, Resolver = dns.Resolver, Protocol = dns.Protocol, Expected = dns.Expected,
    };

    public DnsInput ToInput() => new() { RecordType = RecordType, Resolver = Resolver, Protocol = Protocol, Expected = Expected };
}
