using System.Globalization;
using DnsClient.Protocol;

namespace ProbeDashboard.Core.Probing.Dns;

/// <summary>
/// An answer record as text, the way operators write <c>expected</c>: an address, a name without its final dot,
/// "10 mail.example.com" for MX (the exchange alone matches too), a TXT record's strings joined, "priority weight
/// port target" for SRV, the primary name server for SOA.
/// </summary>
public static class DnsAnswers
{
    public static IReadOnlyList<string> Texts(DnsResourceRecord record) => record switch
    {
        ARecord a => [a.Address.ToString()],
        AaaaRecord aaaa => [aaaa.Address.ToString()],
        CNameRecord cname => [Name(cname.CanonicalName.Value)],
        MxRecord mx => [string.Create(CultureInfo.InvariantCulture, $"{mx.Preference} {Name(mx.Exchange.Value)}"), Name(mx.Exchange.Value)],
        TxtRecord txt => [string.Concat(txt.Text)],
        NsRecord ns => [Name(ns.NSDName.Value)],
        SoaRecord soa => [Name(soa.MName.Value)],
        SrvRecord srv => [string.Create(CultureInfo.InvariantCulture, $"{srv.Priority} {srv.Weight} {srv.Port} {Name(srv.Target.Value)}"), Name(srv.Target.Value)],
        PtrRecord ptr => [Name(ptr.PtrDomainName.Value)],
        _ => [record.ToString()],
    };

    /// <summary>Whether <paramref name="expected"/> equals one representation of one answer, ignoring case and a final dot.</summary>
    public static bool Contains(IEnumerable<DnsResourceRecord> answers, string expected)
    {
        var wanted = Name(expected.Trim());
        return answers.SelectMany(Texts).Any(text => string.Equals(text, wanted, StringComparison.OrdinalIgnoreCase));
    }

    private static string Name(string value) => value.Length > 1 ? value.TrimEnd('.') : value;
}
