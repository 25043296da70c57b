using ProbeDashboard.Core.Probing.Dns;

namespace ProbeDashboard.Core.Monitors;

/// <summary>What a DNS monitor's <c>dns</c> settings may say; problems are keyed "dns.&lt;field&gt;".</summary>
public sealed record DnsInput
{
    public string? RecordType { get; init; }
    public string? Resolver { get; init; }
    public string? Protocol { get; init; }
    public string? Expected { get; init; }

    public static DnsInput From(DnsProbeOptions dns) => new()
    {
        RecordType = dns.RecordType, Resolver = dns.Resolver, Protocol = dns.Protocol, Expected = dns.Expected,
    };

    public DnsProbeOptions ToOptions() => new()
    {
        RecordType = string.IsNullOrWhiteSpace(RecordType) ? DnsProbeOptions.DefaultRecordType : RecordType.Trim().ToUpperInvariant(),
        Resolver = string.IsNullOrWhiteSpace(Resolver) ? null : Resolver.Trim(),
        Protocol = string.IsNullOrWhiteSpace(Protocol) ? "udp" : Protocol.Trim().ToLowerInvariant(),
        Expected = string.IsNullOrWhiteSpace(Expected) ? null : Expected.Trim(),
    };
}

internal static class DnsOptionsRules
{
    private const int MaxExpectedLength = 1000;

    public static void Validate(DnsInput? dns, ValidationErrors errors)
    {
        if (dns is null) return;
        if (!string.IsNullOrWhiteSpace(dns.RecordType) && !DnsProbeOptions.RecordTypes.Contains(dns.RecordType.Trim().ToUpperInvariant()))
            errors.Add("dns.record_type", $"must be one of {string.Join(", ", DnsProbeOptions.RecordTypes)}");
        if (!string.IsNullOrWhiteSpace(dns.Resolver) && !DnsResolverText.TryParse(dns.Resolver, out _))
            errors.Add("dns.resolver", "must be an IP address, optionally with :port ([v6-address]:port for IPv6)");
        if (!string.IsNullOrWhiteSpace(dns.Protocol) && dns.Protocol.Trim().ToLowerInvariant() is not ("udp" or "tcp"))
            errors.Add("dns.protocol", "must be udp or tcp");
        if (dns.Expected?.Length > MaxExpectedLength)
            errors.Add("dns.expected", $"must be at most {MaxExpectedLength} characters");
    }
}
