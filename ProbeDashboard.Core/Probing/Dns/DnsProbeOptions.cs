namespace ProbeDashboard.Core.Probing.Dns;

/// <summary>What a DNS monitor (type 4) asks and of whom. Stored as JSON beside the monitor.</summary>
public class DnsProbeOptions
{
    public const string DefaultRecordType = "A";
    public static readonly IReadOnlyList<string> RecordTypes = ["A", "AAAA", "CNAME", "MX", "TXT", "NS", "SOA", "SRV", "PTR"];

    public string RecordType { get; set; } = DefaultRecordType;
    /// <summary>"ip" or "ip:port" ("[v6]:port"); null asks the system's resolvers.</summary>
    public string? Resolver { get; set; }
    /// <summary>"udp" (default) or "tcp".</summary>
    public string Protocol { get; set; } = "udp";
    /// <summary>A value one answer must equal (case-insensitive); null accepts any answer.</summary>
    public string? Expected { get; set; }
}
