using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Tests.Support;
using Xunit.Abstractions;

namespace ProbeDashboard.Tests.Cluster;

/// <summary>
/// Two real server processes of one cluster sample their own machines every second: each node's samples land on its
/// own node host (listed by the API on either node), the shared server host gets none (no interleaved gauges), and the
/// probe rounds stay keyed by the one server host.
/// </summary>
[Trait("Category", "Cluster")]
public sealed class NodeMetricsTests(ITestOutputHelper output, ThrowawayPostgres postgres) : ClusterProcessTest(output, postgres)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private static readonly Dictionary<string, string> EverySecond = new() { ["Hosts__ServerMetricsSeconds"] = "1" };

    private CountingTarget _target = null!;

    protected override async Task StartHelpersAsync() => _target = await CountingTarget.StartAsync();

    protected override Task SeedAsync() => AddHttpMonitorsAsync(4, "probed", 2, 1, id => $"{_target.BaseUrl}/m/{id}");

    protected override async ValueTask DisposeHelpersAsync() => await _target.DisposeAsync();

    [Fact]
    public async Task Each_node_samples_into_its_own_host_and_the_shared_server_host_gets_none()
    {
        if (!File.Exists("/proc/stat")) return;   // the sampler reads Linux's /proc; CI runs on Linux
        var a = await Live.StartAsync("metrics-a", EverySecond);   // alone first: it creates the initial rows
        var b = await Live.StartAsync("metrics-b", EverySecond);
        int serverId;
        await using (var db = Db.Open()) serverId = await db.Hosts.Where(h => h.IsServer).Select(h => h.Id).SingleAsync();
        var started = DateTime.UtcNow;

        await Eventually.TrueAsync(async () =>
        {
            await using var db = Db.Open();
            var perNode = await db.Hosts.Where(h => h.ClusterNodeName != null)
                .Select(h => new { h.ClusterNodeName, Samples = db.HostMetricSamples.Count(s => s.HostId == h.Id && s.Timestamp > started) })
                .ToListAsync();
            return perNode.Count == 2 && perNode.All(n => n.Samples >= 3);
        }, "three samples of each node's own machine on its node host", (int)Patience.TotalMilliseconds);

        await Eventually.TrueAsync(async () =>
        {
            await using var db = Db.Open();
            return await db.ProbeResults.Select(r => r.MonitorId).Distinct().CountAsync() == 4;
        }, "every monitor probed", (int)Patience.TotalMilliseconds);

        await using (var db = Db.Open())
        {
            var nodeHosts = await db.Hosts.AsNoTracking().Where(h => h.ClusterNodeName != null).OrderBy(h => h.ClusterNodeName).ToListAsync();
            Assert.Equal(["metrics-a", "metrics-b"], nodeHosts.Select(h => h.ClusterNodeName));
            Assert.Equal(["metrics-a", "metrics-b"], nodeHosts.Select(h => h.Name));
            Assert.All(nodeHosts, h => Assert.True(h.Online && h.Metrics.CpuUsage is not null, $"{h.Name} online with gauges"));
            // The shared host receives no sample from either node, and shows no gauges of one machine as the cluster's.
            Assert.Equal(0, await db.HostMetricSamples.CountAsync(s => s.HostId == serverId && s.Timestamp > started));
            Assert.Null(await db.Hosts.Where(h => h.Id == serverId).Select(h => h.Metrics.SampledAt).SingleAsync());
            // Probing is untouched: every round is the server host's, whichever node ran it; none is a node host's.
            Assert.False(await db.ProbeResults.AnyAsync(r => r.HostId != serverId), "a result carries a node host");
        }

        // The Cluster card's nodes point at their hosts.
        Dictionary<string, int> hostIds;
        await using (var db = Db.Open())
            hostIds = await db.Hosts.Where(h => h.ClusterNodeName != null).ToDictionaryAsync(h => h.ClusterNodeName!, h => h.Id);
        using (var nodes = await a.Api.GetAsync("/api/v1/cluster/nodes"))
        {
            var listed = (await nodes.JsonAsync()).GetProperty("data").GetProperty("nodes").EnumerateArray().ToList();
            Assert.All(listed, n => Assert.Equal(hostIds[n.GetProperty("name").GetString()!], n.GetProperty("host_id").GetInt32()));
        }

        // Either node lists both nodes' hosts, marked as such.
        foreach (var node in new[] { a, b })
        {
            using var response = await node.Api.GetAsync("/api/v1/hosts?page_size=100");
            var items = (await response.JsonAsync()).GetProperty("data").GetProperty("items").EnumerateArray().ToList();
            Assert.Equal(["metrics-a", "metrics-b"], items.Where(h => h.GetProperty("cluster_node").ValueKind == JsonValueKind.String)
                .Select(h => h.GetProperty("cluster_node").GetString()).Order());
        }
    }
}
