using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Probing.Dns;
using ProbeDashboard.Probing;

namespace ProbeDashboard.Tests.Api.Probing;

/// <summary>
/// The catalog shares the parts a monitor's probe does not use (#19). What a user would notice if it went wrong: a
/// monitor probed with another monitor's headers, pinned IPs, DNS question or host placement.
/// </summary>
public sealed class MonitorCatalogTests
{
    [Fact]
    public void Each_monitor_keeps_what_its_probe_reads_and_nothing_of_another()
    {
        var catalog = new MonitorCatalog();
        var withHeaders = new MonitorDefinition
        {
            Id = 1, Kind = MonitorKind.Http, Target = "http://127.0.0.1:8080/",
            Http = new HttpProbeOptions { Headers = { ["X-Probe"] = "1" }, PinnedIps = ["127.0.0.2"] },
            SkipHostIds = [4], TlsExpiryDays = [30],
        };
        var plain = new MonitorDefinition { Id = 2, Kind = MonitorKind.Http, Target = "http://127.0.0.1:8081/" };
        var dns = new MonitorDefinition
        {
            Id = 3, Kind = MonitorKind.Dns, Target = "db.test",
            Dns = new DnsProbeOptions { RecordType = "AAAA", Resolver = "127.0.0.53" }, ExecuteOnHostIds = [5],
        };
        foreach (var monitor in new[] { withHeaders, plain, dns }) catalog.Set(monitor);

        Assert.True(catalog.TryGet(1, out var first));
        Assert.Equal("1", first.Http.Headers["X-Probe"]);
        Assert.Equal(["127.0.0.2"], first.Http.PinnedIps);
        Assert.Equal([4], first.SkipHostIds);
        Assert.Equal([30], first.TlsExpiryDays);

        Assert.True(catalog.TryGet(2, out var second));
        Assert.Empty(second.Http.Headers);
        Assert.Empty(second.Http.PinnedIps);
        Assert.Empty(second.SkipHostIds);
        Assert.Equal(MonitorDefinition.DefaultTlsExpiryDays, second.TlsExpiryDays);

        Assert.True(catalog.TryGet(3, out var third));
        Assert.Equal(("AAAA", "127.0.0.53"), (third.Dns.RecordType, third.Dns.Resolver));
        Assert.Equal([5], third.ExecuteOnHostIds);
        Assert.Empty(third.Http.Headers);
        Assert.Equal(DnsProbeOptions.DefaultRecordType, second.Dns.RecordType);
    }

    [Fact]
    public void Monitors_of_one_kind_with_nothing_set_share_their_empty_parts()
    {
        var catalog = new MonitorCatalog();
        for (var id = 1; id <= 2; id++)
            catalog.Set(new MonitorDefinition { Id = id, Kind = MonitorKind.Http, Target = $"http://127.0.0.1:{8080 + id}/" });

        catalog.TryGet(1, out var one);
        catalog.TryGet(2, out var two);
        Assert.Same(one.Http.Headers, two.Http.Headers);
        Assert.Same(one.Dns, two.Dns);
        Assert.Same(one.TlsExpiryDays, two.TlsExpiryDays);
        Assert.NotSame(one.Http, two.Http);
    }
}
