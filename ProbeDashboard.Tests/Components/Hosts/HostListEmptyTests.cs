using Bunit;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Hosts;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Components.Hosts;

/// <summary>A fresh server has only its own probe host: the list says how to add agents instead of showing one lonely row.</summary>
public class HostListEmptyTests(DashboardFactory app) : AppComponentTest(app), IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task With_only_the_server_the_list_shows_how_to_add_agents()
    {
        await SignInAsync(UserRole.Viewer, "first-look-viewer");

        var list = Ctx.Render<HostList>();
        list.WaitForAssertion(() => Assert.Contains("No probe agents yet", list.Find(".empty-state").TextContent));
        Assert.Equal("settings#agent-tokens-heading", list.Find(".empty-state a").GetAttribute("href"));
        Assert.Single(list.FindAll("tbody tr"));
    }
}
