using Bunit;
using ProbeDashboard.Cluster;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Settings;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Components.Cluster;

/// <summary>The Settings card an administrator reads the cluster on: without cluster keys, this server alone and live.</summary>
public class ClusterSectionTests(DashboardFactory app) : AppComponentTest(app), IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task An_admin_sees_this_server_alone_and_live_with_how_to_add_nodes()
    {
        await SignInAsync(UserRole.Admin, "cluster-admin");

        var card = Ctx.Render<ClusterSection>();

        card.WaitForAssertion(() => Assert.Single(card.FindAll("tbody tr")));
        var row = card.Find("tbody tr");
        Assert.Contains("(this node)", row.TextContent);
        Assert.Contains("Live", row.QuerySelector(".mud-chip")!.TextContent);
        Assert.Contains("Cluster:Redis", card.Find("p.muted").TextContent);
    }

    [Fact]
    public async Task It_reads_in_chinese()
    {
        UseCulture("zh-Hans");
        await SignInAsync(UserRole.Admin, "cluster-admin-zh");

        var card = Ctx.Render<ClusterSection>();

        card.WaitForAssertion(() => Assert.Equal("集群", card.Find("h2").TextContent));
        Assert.Contains("本节点", card.Find("tbody tr").TextContent);
        Assert.Contains("最近心跳", card.Find("thead").TextContent);
    }

    [Fact]
    public async Task Only_admins_get_the_card_on_the_settings_page()
    {
        await SignInAsync(UserRole.Operator, "cluster-operator");

        var page = Ctx.Render<SettingsPage>();

        page.WaitForAssertion(() => Assert.Contains("Appearance", page.Markup));
        Assert.Empty(page.FindAll("#cluster-heading"));
    }
}
