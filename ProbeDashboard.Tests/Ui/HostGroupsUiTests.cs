using ProbeDashboard.Core.Access;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Hosts;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Tests.Support;
using static ProbeDashboard.Tests.Support.AgentWire;

namespace ProbeDashboard.Tests.Ui;

/// <summary>Host groups on the Hosts page and a host's group on its detail page, through the service the API also uses.</summary>
public class HostGroupsUiTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    private HostGroupService Groups => factory.Services.GetRequiredService<HostGroupService>();

    [Fact]
    public async Task Operators_see_groups_with_their_hosts_and_change_controls_and_a_host_shows_its_group_picker()
    {
        using var admin = await factory.CreateAdminClientAsync();
        var (_, secret) = await CreateTokenAsync(admin, "groups ui");
        using var agent = Client(factory.CreateClient(), secret);
        var hostId = await RegisterAsync(agent, "grouped-agent");
        var group = (await Groups.CreateAsync(TestActors.Admin, "  edge-nodes  ", Timeout())).Group!;
        Assert.True((await Groups.AssignAsync(TestActors.Admin, hostId, group.Id, Timeout())).Succeeded);

        using var session = new DashboardSession(factory);
        await session.SignInAsync("admin", DashboardFactory.AdminPassword, Timeout());
        var hosts = WebUtility.HtmlDecode(await session.Client.GetStringAsync("/hosts", Timeout()));
        Assert.Contains("Host groups", hosts);
        Assert.Matches(@"edge-nodes\s*</th>\s*<td>1</td>", hosts);
        Assert.Contains(">Create group<", hosts);
        Assert.Contains(">Rename<", hosts);

        var detail = WebUtility.HtmlDecode(await session.Client.GetStringAsync($"/hosts/{hostId}", Timeout()));
        Assert.Contains("rz-dropdown", detail);
        Assert.Contains("edge-nodes", detail);
    }

    [Fact]
    public async Task A_viewer_sees_groups_without_controls_and_the_server_refuses_a_viewer_change()
    {
        await Groups.CreateAsync(TestActors.Admin, "viewer-visible-group", Timeout());
        await factory.CreateUserAsync(UserRole.Viewer, "group-viewer");
        using var session = new DashboardSession(factory);
        await session.SignInAsync("group-viewer", DashboardFactory.UserPassword, Timeout());

        var hosts = WebUtility.HtmlDecode(await session.Client.GetStringAsync("/hosts", Timeout()));
        Assert.Contains("viewer-visible-group", hosts);
        Assert.DoesNotContain(">Create group<", hosts);
        Assert.DoesNotContain(">Rename<", hosts);
        Assert.DoesNotContain(">Delete<", hosts);

        using var viewerApi = await factory.CreateClientAsync(UserRole.Viewer);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewerApi.PostAsync("/api/v1/host-groups", ApiJson.Content(new { name = "sneaky" }))).StatusCode);
        Assert.DoesNotContain("sneaky", WebUtility.HtmlDecode(await session.Client.GetStringAsync("/hosts", Timeout())));
    }

    [Fact]
    public async Task A_group_a_monitor_runs_on_is_not_deleted_and_a_free_one_is_with_its_hosts_ungrouped()
    {
        var used = (await Groups.CreateAsync(TestActors.Admin, "used-by-a-monitor", Timeout())).Group!;
        var input = new MonitorInput
        {
            Name = "on the group", Type = (int)MonitorKind.Http, Target = "http://127.0.0.1:9/", Duration = 60,
            ExecuteOn = new ExecuteOnInput("group", used.Id, []),
        };
        var monitor = await factory.Services.GetRequiredService<MonitorService>().CreateAsync(Actor.System, input, "test", Timeout());

        var refused = await Groups.DeleteAsync(TestActors.Admin, used.Id, Timeout());
        Assert.Equal(HostGroupOutcome.InUse, refused.Outcome);
        Assert.Equal([monitor.Monitor!.Id], refused.UsedByMonitors);
        Assert.Equal(HostGroupOutcome.DuplicateName, (await Groups.CreateAsync(TestActors.Admin, "used-by-a-monitor", Timeout())).Outcome);
        Assert.Equal(HostGroupOutcome.InvalidName, (await Groups.RenameAsync(TestActors.Admin, used.Id, "   ", Timeout())).Outcome);

        var free = (await Groups.CreateAsync(TestActors.Admin, "free-group", Timeout())).Group!;
        var serverHostId = await factory.WithDbAsync(db => Task.FromResult(db.Hosts.Single(h => h.IsServer).Id));
        Assert.True((await Groups.AssignAsync(TestActors.Admin, serverHostId, free.Id, Timeout())).Succeeded);
        Assert.True((await Groups.DeleteAsync(TestActors.Admin, free.Id, Timeout())).Succeeded);
        Assert.Null(await factory.WithDbAsync(db => Task.FromResult(db.Hosts.Single(h => h.Id == serverHostId).GroupId)));
        Assert.Equal(HostGroupOutcome.UnknownGroup, (await Groups.AssignAsync(TestActors.Admin, serverHostId, free.Id, Timeout())).Outcome);
    }
}
