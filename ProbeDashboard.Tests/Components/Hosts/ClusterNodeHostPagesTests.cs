using Bunit;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Hosts;
using ProbeDashboard.Hosts;
using ProbeDashboard.Hosts.Detail;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Components.Hosts;

/// <summary>A cluster node's own host in the hosts list and on its page: its gauges, marked as a node, and no agent controls.</summary>
public class ClusterNodeHostPagesTests(DashboardFactory app) : AppComponentTest(app), IClassFixture<DashboardFactory>
{
    /// <summary>The row a node makes at start-up, with one sample of its machine.</summary>
    private async Task<int> NodeHostAsync(string nodeName)
    {
        var id = await App.Services.GetRequiredService<ClusterNodeHosts>().EnsureAsync(nodeName, 10, CancellationToken.None);
        await App.Services.GetRequiredService<HeartbeatRecorder>().RecordAsync(id, new HostMetrics { CpuUsage = 61.5, DiskUsage = 12 }, CancellationToken.None);
        return id;
    }

    [Fact]
    public async Task The_list_shows_a_node_hosts_gauges_as_a_cluster_node_without_start_or_stop()
    {
        var id = await NodeHostAsync("list-node");
        await SignInAsync(UserRole.Admin, "node-list-admin");

        var list = Ctx.Render<HostList>();
        list.WaitForAssertion(() => Assert.Contains("list-node", list.Markup));
        var row = list.FindAll("tbody tr").Single(r => r.TextContent.Contains("list-node"));
        Assert.Contains($"Cluster node on {Environment.MachineName}", row.TextContent);
        Assert.Contains("61.5 %", row.TextContent);
        Assert.NotNull(row.QuerySelector($"a[href='hosts/{id}']"));
        Assert.Empty(row.QuerySelectorAll("button"));
    }

    [Fact]
    public async Task A_node_hosts_page_names_the_node_explains_it_and_offers_no_group_or_probing_controls()
    {
        var id = await NodeHostAsync("page-node");
        await SignInAsync(UserRole.Admin, "node-page-admin");

        var page = Ctx.Render<HostDetailPage>(p => p.Add(c => c.Id, id));
        page.WaitForAssertion(() => Assert.Contains("page-node", page.Find("h1").TextContent));
        var facts = page.Find("dl.host-facts");
        Assert.Contains("Cluster node", facts.TextContent);
        Assert.Contains("Metrics of the machine that cluster node page-node runs on.", page.Find(".cluster-host-note").TextContent);
        Assert.Contains("61.5 %", page.Find("dl.host-latest").TextContent);
        Assert.Empty(page.FindAll(".group-field"));
        Assert.DoesNotContain(page.FindAll("button"), b => b.TextContent.Trim() is "Start" or "Stop");
    }

    [Fact]
    public async Task Without_a_cluster_the_server_hosts_page_has_no_cluster_note()
    {
        var serverId = await App.WithDbAsync(db => Task.FromResult(db.Hosts.Single(h => h.IsServer).Id));
        await SignInAsync(UserRole.Viewer, "node-page-viewer");

        var page = Ctx.Render<HostDetailPage>(p => p.Add(c => c.Id, serverId));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("dl.host-latest")));
        Assert.Empty(page.FindAll(".cluster-host-note"));
    }
}
