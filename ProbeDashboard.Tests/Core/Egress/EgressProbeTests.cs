using System.Diagnostics;
using System.Net;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Results;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Core.Egress;

/// <summary>
/// Real probes (wired as agent mode wires them) against Kestrel targets on 127.0.0.1 and on the loopback alias
/// 127.0.0.2. Forbidden addresses (169.254.169.254) are only ever refused, never contacted: the refusal must come
/// back well inside the monitor's timeout, which it could not if a connect to that address had been attempted.
/// </summary>
public sealed class EgressProbeTests : IAsyncLifetime
{
    private const string Metadata = "169.254.169.254";
    private static readonly IPAddress Alias = IPAddress.Parse("127.0.0.2");
    private static readonly TimeSpan Fast = TimeSpan.FromSeconds(3);
    private TargetServer _target = null!;
    private TargetServer _aliasTarget = null!;

    public async Task InitializeAsync()
    {
        _target = await TargetServer.StartAsync();
        _aliasTarget = await TargetServer.StartAsync(listenOn: Alias);
    }

    public async Task DisposeAsync()
    {
        await _target.DisposeAsync();
        await _aliasTarget.DisposeAsync();
    }

    private static Dictionary<string, string?> DenyAlias() => new() { ["Egress:Probes:Deny:0"] = "127.0.0.2/32" };

    private static MonitorDefinition Icmp(string target) => new() { Name = "ping", Kind = MonitorKind.Icmp, Target = target, TimeoutSeconds = 10 };

    private static async Task<ProbeResult> RunTimedAsync(ProbeServices probes, MonitorDefinition monitor)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await probes.RunAsync(monitor);
        Assert.True(Stopwatch.GetElapsedTime(started) < Fast, $"took {Stopwatch.GetElapsedTime(started)}: {result.ErrorMessage}");
        return result;
    }

    [Fact]
    public async Task Http_tcp_and_icmp_monitors_of_the_metadata_address_fail_at_once_with_the_reason()
    {
        using var probes = new ProbeServices();
        var monitors = new[]
        {
            TestMonitors.Http("metadata", new Uri($"http://{Metadata}/latest/meta-data/"), timeoutSeconds: 10),
            TestMonitors.Tcp("metadata tcp", $"{Metadata}:80", timeoutSeconds: 10),
            Icmp(Metadata),
            TestMonitors.Http("ipv6 metadata", new Uri("http://[fd00:ec2::254]/"), timeoutSeconds: 10),
            TestMonitors.Http("mapped", new Uri($"http://[::ffff:{Metadata}]/"), timeoutSeconds: 10),
        };

        foreach (var monitor in monitors)
        {
            var result = await RunTimedAsync(probes, monitor);
            Assert.False(result.Success);
            Assert.StartsWith("blocked by egress policy: ", result.ErrorMessage);
        }
        Assert.Equal($"blocked by egress policy: {Metadata}", (await probes.RunAsync(monitors[0])).ErrorMessage);
        Assert.Equal("blocked by egress policy: fd00:ec2::254", (await probes.RunAsync(monitors[3])).ErrorMessage);
    }

    [Fact]
    public async Task A_denied_range_is_refused_on_real_connections_while_the_rest_of_loopback_still_answers()
    {
        using var open = new ProbeServices();
        using var denying = new ProbeServices(DenyAlias());
        var alias = TestMonitors.Http("alias", _aliasTarget.Url("/ok"), keyword: "is ok");
        var aliasTcp = TestMonitors.Tcp("alias tcp", $"127.0.0.2:{_aliasTarget.Port}");

        Assert.True((await open.RunAsync(alias)).Success);
        Assert.True((await open.RunAsync(aliasTcp)).Success);
        Assert.Equal("blocked by egress policy: 127.0.0.2", (await RunTimedAsync(denying, alias)).ErrorMessage);
        Assert.Equal("blocked by egress policy: 127.0.0.2", (await RunTimedAsync(denying, aliasTcp)).ErrorMessage);
        Assert.True((await denying.RunAsync(TestMonitors.Http("main", _target.Url("/ok")))).Success);
        Assert.True((await denying.RunAsync(TestMonitors.Tcp("main tcp", $"127.0.0.1:{_target.Port}"))).Success);
    }

    [Fact]
    public async Task A_redirect_to_a_denied_address_is_blocked_at_the_hop()
    {
        using var open = new ProbeServices();
        using var denying = new ProbeServices(DenyAlias());
        var hop = _target.Url("/redirect-to?url=" + Uri.EscapeDataString(_aliasTarget.Url("/ok").ToString()));
        var monitor = TestMonitors.Http("hop", hop, keyword: "is ok");

        Assert.True((await open.RunAsync(monitor)).Success);
        var blocked = await RunTimedAsync(denying, monitor);
        Assert.False(blocked.Success);
        Assert.Equal("blocked by egress policy: 127.0.0.2", blocked.ErrorMessage);
    }

    [Fact]
    public async Task A_name_is_judged_by_the_addresses_it_resolves_to_at_connect_time()
    {
        using var probes = new ProbeServices();
        probes.Names.Add("rebound.test", Metadata);
        probes.Names.Add("mixed.test", Metadata, "127.0.0.1");

        var rebound = await RunTimedAsync(probes, TestMonitors.Http("rebound", new Uri($"http://rebound.test:{_target.Port}/ok"), timeoutSeconds: 10));
        Assert.Equal($"blocked by egress policy: {Metadata}", rebound.ErrorMessage);
        Assert.Equal($"blocked by egress policy: {Metadata}",
            (await RunTimedAsync(probes, TestMonitors.Tcp("rebound tcp", $"rebound.test:{_target.Port}", timeoutSeconds: 10))).ErrorMessage);
        Assert.Equal($"blocked by egress policy: {Metadata}", (await RunTimedAsync(probes, Icmp("rebound.test"))).ErrorMessage);

        Assert.Equal("name not resolved", (await RunTimedAsync(probes, TestMonitors.Http("unknown", new Uri("http://unknown.test/"), timeoutSeconds: 10))).ErrorMessage);

        // Only the permitted address of a mixed answer is ever connected to.
        var mixed = await RunTimedAsync(probes, TestMonitors.Http("mixed", new Uri($"http://mixed.test:{_target.Port}/ok"), timeoutSeconds: 10, keyword: "is ok"));
        Assert.True(mixed.Success, mixed.ErrorMessage);
    }

    [Fact]
    public async Task A_pinned_origin_ip_goes_through_the_policy_too()
    {
        using var probes = new ProbeServices();
        var monitor = TestMonitors.Http("pinned", new Uri($"http://shop.test:{_target.Port}/ok"), timeoutSeconds: 10);
        monitor.Http.PinnedIps = ["127.0.0.1", Metadata];

        var result = await RunTimedAsync(probes, monitor);

        Assert.Equal($"{Metadata}: blocked by egress policy: {Metadata}", result.ErrorMessage);
    }

    [Fact]
    public async Task The_strict_profile_refuses_loopback_and_a_reload_applies_without_restart_even_to_pooled_connections()
    {
        using var probes = new ProbeServices();
        var monitor = TestMonitors.Http("main", _target.Url("/ok"));
        Assert.True((await probes.RunAsync(monitor)).Success);

        probes.Reconfigure("Egress:Probes:Profile", "Strict");
        Assert.Equal("blocked by egress policy: 127.0.0.1", (await RunTimedAsync(probes, monitor)).ErrorMessage);
        Assert.Equal("blocked by egress policy: 127.0.0.1",
            (await RunTimedAsync(probes, TestMonitors.Tcp("tcp", $"127.0.0.1:{_target.Port}"))).ErrorMessage);

        probes.Reconfigure("Egress:Probes:Allow:0", "127.0.0.1/32");
        Assert.True((await probes.RunAsync(monitor)).Success);
    }

    [Fact]
    public void A_malformed_range_in_the_configuration_is_rejected_with_a_clear_message()
    {
        using var probes = new ProbeServices(new() { ["Egress:Webhooks:Deny:0"] = "10.0.0.0/40" });

        var problem = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => probes.Get<ProbeDashboard.Core.Egress.EgressPolicies>());

        Assert.Contains("CIDR range", problem.Message);
    }

    [Fact]
    public void A_reload_that_leaves_the_rules_alone_keeps_pooled_connections()
    {
        using var probes = new ProbeServices();
        var policies = probes.Get<ProbeDashboard.Core.Egress.EgressPolicies>();
        var changes = 0;
        policies.Changed += () => changes++;

        probes.Reconfigure("Probing:MinIntervalSeconds", "7");
        Assert.Equal(0, changes);
        probes.Reconfigure("Egress:Webhooks:Deny:0", "10.9.0.0/16");
        Assert.Equal(1, changes);
    }
}
