using Bunit;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Hosts;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Hosts;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Components.Hosts;

/// <summary>
/// Host groups on the Hosts page: operators create, rename, set the monitors a group depends on and delete; a group in
/// use stays; viewers only read.
/// </summary>
public class HostGroupsSectionTests(DashboardFactory app) : AppComponentTest(app), IClassFixture<DashboardFactory>
{
    private HostGroupService Groups => App.Services.GetRequiredService<HostGroupService>();

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<HostGroupsSection> section, string name) =>
        section.FindAll("tbody tr").Single(r => r.TextContent.Contains(name));

    [Fact]
    public async Task An_operator_creates_renames_and_cannot_delete_a_group_a_monitor_runs_on()
    {
        await SignInAsync(UserRole.Operator, "groups-operator");
        var section = Ctx.Render<HostGroupsSection>();
        section.WaitForAssertion(() => Assert.Empty(section.FindAll(".rows-skeleton")));

        section.OnRenderer(() => section.Field("Group name").Input("edge"));
        section.OnRenderer(() => section.Find("form").Submit());
        section.WaitForAssertion(() => Assert.Contains("0", Row(section, "edge").QuerySelector("td")!.TextContent));

        section.OnRenderer(() => Row(section, "edge").QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Edit").Click());
        section.OnRenderer(() => section.Find("tbody input").Input("edge-eu"));
        section.OnRenderer(() => Row(section, "Save").QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Save").Click());
        section.WaitForAssertion(() => Assert.Equal("edge-eu", section.FindAll("tbody th").Select(th => th.TextContent.Trim()).Single(n => n.StartsWith("edge"))));

        var group = (await Groups.ListAsync(TestActors.Admin, CancellationToken.None)).Single(g => g.Name == "edge-eu");
        await App.Services.GetRequiredService<MonitorService>().CreateAsync(Actor.System, new MonitorInput
        {
            Name = "runs on edge", Type = (int)MonitorKind.Http, Target = "http://127.0.0.1:9/", Duration = 60,
            ExecuteOn = new ExecuteOnInput("group", group.Id, []),
        }, "test", CancellationToken.None);
        section.OnRenderer(() => Row(section, "edge-eu").QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Delete").Click());
        section.WaitForAssertion(() => Assert.Contains(Ctx.Services.GetRequiredService<MudBlazor.ISnackbar>().ShownSnackbars, s => s.Message != null && s.Message.Contains("is not deleted")));
        Assert.Contains(section.FindAll("tbody th"), th => th.TextContent.Trim() == "edge-eu");
    }

    [Fact]
    public async Task A_viewer_sees_groups_with_their_host_count_but_no_controls()
    {
        var group = (await Groups.CreateAsync(TestActors.Admin, "  viewer-visible-group  ", CancellationToken.None)).Group!;
        var serverHostId = await App.WithDbAsync(db => Task.FromResult(db.Hosts.Single(h => h.IsServer).Id));
        Assert.True((await Groups.AssignAsync(TestActors.Admin, serverHostId, group.Id, CancellationToken.None)).Succeeded);
        await SignInAsync(UserRole.Viewer, "groups-viewer");

        var section = Ctx.Render<HostGroupsSection>();
        section.WaitForAssertion(() => Assert.Contains("viewer-visible-group", section.Markup));
        Assert.Equal("1", Row(section, "viewer-visible-group").QuerySelector("td")!.TextContent.Trim());
        Assert.Empty(section.FindAll("button"));
        Assert.Empty(section.FindAll("form"));
    }

    [Fact]
    public async Task An_operator_picks_the_monitor_a_group_depends_on_and_the_list_names_it()
    {
        var uplink = (await App.Services.GetRequiredService<MonitorService>().CreateAsync(Actor.System, new MonitorInput
        {
            Name = "hg-ui uplink", Type = (int)MonitorKind.Tcp, Target = "127.0.0.1:9", Duration = 60,
        }, "test", CancellationToken.None)).Monitor!;
        var group = (await Groups.CreateAsync(TestActors.Admin, "hg-ui site", CancellationToken.None)).Group!;
        await SignInAsync(UserRole.Operator, "groups-deps-operator");
        var popovers = RenderPopovers();
        var section = Ctx.Render<HostGroupsSection>();
        section.WaitForAssertion(() => Assert.Contains("hg-ui site", section.Markup));

        section.OnRenderer(() => Row(section, "hg-ui site").QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Edit").Click());
        section.WaitForAssertion(() => Assert.Contains("host alerts of this group's hosts are suppressed", section.Markup));
        section.OnRenderer(() => section.FindAll("tbody input")[1].Input("hg-ui"));
        popovers.WaitForAssertion(() => Assert.Contains(popovers.FindAll(".mud-list-item"), i => i.TextContent.Contains("hg-ui uplink")), TimeSpan.FromSeconds(10));
        popovers.OnRenderer(() => popovers.FindAll(".mud-list-item").First(i => i.TextContent.Contains("hg-ui uplink")).Click());
        section.WaitForAssertion(() => Assert.Contains(section.FindAll(".mud-chip"), c => c.TextContent.Contains("hg-ui uplink")));
        section.OnRenderer(() => section.FindAll("tbody button").Single(b => b.TextContent.Trim() == "Save").Click());

        section.WaitForAssertion(() => Assert.Equal("hg-ui uplink", Row(section, "hg-ui site").QuerySelector("td.host-group-depends-on")!.TextContent.Trim()));
        var stored = (await Groups.ListAsync(TestActors.Admin, CancellationToken.None)).Single(g => g.Id == group.Id);
        Assert.Equal([uplink.Id], stored.DependsOn);
    }

    [Fact]
    public async Task The_dependency_column_is_named_in_chinese()
    {
        await SignInAsync(UserRole.Viewer, "groups-deps-viewer");
        UseCulture("zh-Hans");
        var section = Ctx.Render<HostGroupsSection>();
        section.WaitForAssertion(() => Assert.Contains("依赖于", section.Find("thead").TextContent));
    }
}
