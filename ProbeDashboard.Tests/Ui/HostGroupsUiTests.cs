using ProbeDashboard.Core.Access;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Hosts;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Tests.Support;
using static ProbeDashboard.Tests.Support.AgentWire;

namespace ProbeDashboard.Tests.Ui;

/// <summary>Host groups through the service the Hosts page and the API use (the page itself: Components/Hosts).</summary>
public class HostGroupsUiTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    private HostGroupService Groups => factory.Services.GetRequiredService<HostGroupService>();

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
