using System.Net;

namespace ProbeDashboard.Core.Egress;

/// <summary>
/// The addresses one kind of outgoing traffic may reach, checked on the resolved address right before connecting.
/// Order of precedence: the deny list, then the allow list, then the built-in refusals of the profile.
/// </summary>
public sealed class EgressPolicy
{
    /// <summary>Link-local and cloud metadata endpoints: refused by every profile unless explicitly allowed.</summary>
    public static readonly IReadOnlyList<IPNetwork> AlwaysRefused =
    [
        IPNetwork.Parse("169.254.0.0/16"),      // IPv4 link-local, incl. the metadata service of most clouds
        IPNetwork.Parse("fe80::/10"),           // IPv6 link-local
        IPNetwork.Parse("fd00:ec2::254/128"),   // AWS metadata over IPv6
        IPNetwork.Parse("100.100.100.200/32"),  // Alibaba Cloud metadata
        IPNetwork.Parse("224.0.0.0/4"),         // multicast: never a probe or webhook target
        IPNetwork.Parse("ff00::/8"),
        IPNetwork.Parse("255.255.255.255/32"),
    ];

    /// <summary>Refused in addition by <see cref="EgressProfile.Strict"/>: the machine itself and private networks.</summary>
    public static readonly IReadOnlyList<IPNetwork> PrivateAndLoopback =
    [
        IPNetwork.Parse("127.0.0.0/8"),
        IPNetwork.Parse("::1/128"),
        // Connecting to 0.0.0.0 or :: reaches the local machine on Linux.
        IPNetwork.Parse("0.0.0.0/8"),
        IPNetwork.Parse("::/128"),
        IPNetwork.Parse("10.0.0.0/8"),
        IPNetwork.Parse("172.16.0.0/12"),
        IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("100.64.0.0/10"),       // carrier-grade NAT
        IPNetwork.Parse("fc00::/7"),            // unique local
    ];

    private readonly IReadOnlyList<IPNetwork> _allow;
    private readonly IReadOnlyList<IPNetwork> _deny;

    public EgressPolicy(EgressRules rules)
    {
        Profile = rules.Profile;
        _allow = ParseAll(rules.Allow, "Allow");
        _deny = ParseAll(rules.Deny, "Deny");
        Allow = _allow.Select(n => n.ToString()).ToList();
        Deny = _deny.Select(n => n.ToString()).ToList();
    }

    public static EgressPolicy Default { get; } = new(new EgressRules());

    public EgressProfile Profile { get; }

    /// <summary>The allow list as parsed (canonical CIDR text), for the settings page.</summary>
    public IReadOnlyList<string> Allow { get; }

    /// <summary>The deny list as parsed (canonical CIDR text), for the settings page.</summary>
    public IReadOnlyList<string> Deny { get; }

    public bool SameRulesAs(EgressPolicy other) =>
        Profile == other.Profile && Allow.SequenceEqual(other.Allow) && Deny.SequenceEqual(other.Deny);

    public bool Permits(IPAddress address)
    {
        address = Normalize(address);
        if (Covers(_deny, address)) return false;
        if (Covers(_allow, address)) return true;
        if (Covers(AlwaysRefused, address)) return false;
        return Profile != EgressProfile.Strict || !Covers(PrivateAndLoopback, address);
    }

    // A plain loop: this runs on every new connection, and LINQ's closure and enumerator cost more than the test.
    private static bool Covers(IReadOnlyList<IPNetwork> networks, IPAddress address)
    {
        for (var i = 0; i < networks.Count; i++)
            if (networks[i].Contains(address)) return true;
        return false;
    }

    /// <exception cref="EgressBlockedException">The address is refused.</exception>
    public void Demand(IPAddress address)
    {
        if (!Permits(address)) throw new EgressBlockedException(address);
    }

    /// <summary>
    /// IPv4-mapped IPv6 (::ffff:169.254.169.254) reaches the IPv4 address, so it is judged as that address;
    /// the scope id of a link-local address is irrelevant to the decision.
    /// </summary>
    public static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    /// <returns>Null when every entry is a valid CIDR range (or a single address), else what is wrong.</returns>
    public static string? Problem(IEnumerable<string> ranges) =>
        ranges.Where(r => !TryParse(r, out _)).Select(r => $"'{r}' is not a CIDR range like 10.0.0.0/8").FirstOrDefault();

    private static IReadOnlyList<IPNetwork> ParseAll(IEnumerable<string> ranges, string listName) => ranges
        .Select(r => TryParse(r, out var network) ? network : throw new FormatException($"Egress {listName}: '{r}' is not a CIDR range"))
        .ToList();

    private static bool TryParse(string text, out IPNetwork network)
    {
        text = text.Trim();
        if (IPAddress.TryParse(text, out var single) && !text.Contains('/'))
        {
            single = Normalize(single);
            network = new IPNetwork(single, single.GetAddressBytes().Length * 8);
            return true;
        }
        return IPNetwork.TryParse(text, out network);
    }
}
