using System.Net;
using ProbeDashboard.Core.Egress;

namespace ProbeDashboard.Tests.Core.Egress;

/// <summary>The decision table of the policy on addresses alone: no sockets, no lookups.</summary>
public class EgressPolicyTests
{
    [Theory]
    [InlineData("169.254.169.254", false)]
    [InlineData("169.254.0.1", false)]
    [InlineData("::ffff:169.254.169.254", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fd00:ec2::254", false)]
    [InlineData("100.100.100.200", false)]
    [InlineData("224.0.0.1", false)]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.0.0.2", true)]
    [InlineData("::1", true)]
    [InlineData("10.1.2.3", true)]
    [InlineData("172.16.0.1", true)]
    [InlineData("192.168.1.10", true)]
    [InlineData("fd12:3456::1", true)]
    [InlineData("203.0.113.7", true)]
    public void Default_profile_refuses_link_local_and_metadata_and_allows_lan_and_loopback(string address, bool permitted) =>
        Assert.Equal(permitted, EgressPolicy.Default.Permits(IPAddress.Parse(address)));

    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("::1", false)]
    [InlineData("::ffff:127.0.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.31.255.255", false)]
    [InlineData("192.168.1.10", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("fd12:3456::1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("172.32.0.1", true)]
    [InlineData("203.0.113.7", true)]
    [InlineData("2001:db8::1", true)]
    public void Strict_profile_also_refuses_private_ranges_and_loopback(string address, bool permitted) =>
        Assert.Equal(permitted, new EgressPolicy(new EgressRules { Profile = EgressProfile.Strict }).Permits(IPAddress.Parse(address)));

    [Fact]
    public void An_allow_entry_opens_a_refused_range_and_a_deny_entry_beats_it()
    {
        var policy = new EgressPolicy(new EgressRules
        {
            Profile = EgressProfile.Strict,
            Allow = ["10.20.0.0/16", "169.254.10.1"],
            Deny = ["10.20.30.0/24"],
        });

        Assert.True(policy.Permits(IPAddress.Parse("10.20.1.1")));
        Assert.True(policy.Permits(IPAddress.Parse("169.254.10.1")));
        Assert.False(policy.Permits(IPAddress.Parse("169.254.169.254")));
        Assert.False(policy.Permits(IPAddress.Parse("10.20.30.40")));
        Assert.False(policy.Permits(IPAddress.Parse("10.21.0.1")));
        Assert.Equal(["10.20.0.0/16", "169.254.10.1/32"], policy.Allow);
    }

    [Fact]
    public void A_refusal_names_the_address_in_its_ipv4_form()
    {
        var refusal = Assert.Throws<EgressBlockedException>(() => EgressPolicy.Default.Demand(IPAddress.Parse("::ffff:169.254.169.254")));
        Assert.Equal("blocked by egress policy: 169.254.169.254", refusal.Message);
    }

    [Fact]
    public void Malformed_ranges_are_reported_not_ignored()
    {
        Assert.Null(EgressPolicy.Problem(["10.0.0.0/8", "::1", "fe80::/10"]));
        Assert.Equal("'10.0.0.0/33' is not a CIDR range like 10.0.0.0/8", EgressPolicy.Problem(["10.0.0.0/33"]));
        Assert.NotNull(EgressPolicy.Problem(["intranet"]));
        Assert.Throws<FormatException>(() => new EgressPolicy(new EgressRules { Deny = ["nope"] }));
    }
}
