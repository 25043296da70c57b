using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Probing.Dns;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Core.Probing;

/// <summary>DNS monitors against a real dnsmasq on 127.0.0.1 that answers only from its own records (all 127.x).</summary>
public sealed class DnsProbeTests : IAsyncLifetime, IDisposable
{
    private readonly ProbeServices _probes = new();
    private DnsmasqServer _dns = null!;

    public async Task InitializeAsync() => _dns = await DnsmasqServer.StartAsync();

    public async Task DisposeAsync() => await _dns.DisposeAsync();

    public void Dispose() => _probes.Dispose();

    private MonitorDefinition Dns(string name, string recordType = "A", string? expected = null, string protocol = "udp") => new()
    {
        Id = 44, Name = "dns", Kind = MonitorKind.Dns, Target = name, TimeoutSeconds = 5,
        Dns = new DnsProbeOptions { RecordType = recordType, Resolver = _dns.Resolver, Protocol = protocol, Expected = expected },
    };

    [Fact]
    public async Task An_a_record_that_matches_passes_and_lists_the_answers()
    {
        var result = await _probes.RunAsync(Dns("web.probe.test", expected: "127.0.0.11"));

        Assert.True(result.Success, result.ErrorMessage + "\n" + _dns.Output);
        Assert.Equal("127.0.0.10, 127.0.0.11", result.ErrorMessage);
        Assert.True(result.LatencyMs > 0);
        Assert.True((await _probes.RunAsync(Dns("WEB.probe.test"))).Success, "any answer passes when nothing is expected");
    }

    [Fact]
    public async Task A_wrong_answer_fails_naming_what_was_seen()
    {
        var result = await _probes.RunAsync(Dns("web.probe.test", expected: "127.0.0.99"));

        Assert.False(result.Success);
        Assert.Equal("expected 127.0.0.99, got 127.0.0.10, 127.0.0.11", result.ErrorMessage);
    }

    [Fact]
    public async Task Nxdomain_and_a_name_without_that_record_fail_saying_so()
    {
        var missing = await _probes.RunAsync(Dns("nope.probe.test"));
        Assert.False(missing.Success);
        Assert.Equal("NXDOMAIN: the name does not exist", missing.ErrorMessage);

        var noAaaa = await _probes.RunAsync(Dns("web.probe.test", "AAAA"));
        Assert.False(noAaaa.Success);
        Assert.Equal("no AAAA record", noAaaa.ErrorMessage);
    }

    [Fact]
    public async Task Over_tcp_mx_cname_and_txt_records_match_as_operators_write_them()
    {
        var mx = await _probes.RunAsync(Dns("probe.test", "MX", "mx1.probe.test", protocol: "tcp"));
        Assert.True(mx.Success, mx.ErrorMessage);
        Assert.Equal("10 mx1.probe.test", mx.ErrorMessage);
        Assert.True((await _probes.RunAsync(Dns("probe.test", "MX", "10 MX1.probe.test.", protocol: "tcp"))).Success);

        var cname = await _probes.RunAsync(Dns("alias.probe.test", "CNAME", "web.probe.test", protocol: "tcp"));
        Assert.True(cname.Success, cname.ErrorMessage);

        var txt = await _probes.RunAsync(Dns("probe.test", "TXT", "v=spf1 -all", protocol: "tcp"));
        Assert.True(txt.Success, txt.ErrorMessage);
    }

    [Fact]
    public async Task A_resolver_that_does_not_answer_times_out_as_a_failure()
    {
        var monitor = Dns("web.probe.test");
        monitor.Dns.Resolver = $"127.0.0.1:{TargetServer.ClosedPort()}";
        monitor.Dns.Protocol = "tcp";
        monitor.TimeoutSeconds = 2;

        var result = await _probes.RunAsync(monitor);

        Assert.False(result.Success);
        Assert.False(string.IsNullOrEmpty(result.ErrorMessage));
    }

    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1:53")]
    [InlineData("127.0.0.1:5353", "127.0.0.1:5353")]
    [InlineData("::1", "[::1]:53")]
    [InlineData("[::1]:5353", "[::1]:5353")]
    public void Resolvers_are_ip_with_an_optional_port(string text, string endpoint)
    {
        Assert.True(DnsResolverText.TryParse(text, out var parsed));
        Assert.Equal(endpoint, parsed.ToString());
    }

    [Theory]
    [InlineData("dns.example")]
    [InlineData("10.1")]
    [InlineData("127.0.0.1:0")]
    [InlineData("127.0.0.1:70000")]
    [InlineData("")]
    public void Other_resolvers_are_refused(string text) => Assert.False(DnsResolverText.TryParse(text, out _));
}
