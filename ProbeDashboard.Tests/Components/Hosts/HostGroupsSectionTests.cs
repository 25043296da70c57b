using Bunit;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Hosts;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Hosts;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Components.Hosts;

/// <summary>Host groups on the Hosts page: operators create, rename and delete; a group in use stays; viewers only read.</summary>
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

        section.OnRenderer(() => Row(section, "edge").QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Rename").Click());
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
}
