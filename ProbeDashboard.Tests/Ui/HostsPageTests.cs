using System.Net;
using ProbeDashboard.Tests.Support;
using static ProbeDashboard.Tests.Support.AgentWire;

namespace ProbeDashboard.Tests.Ui;

/// <summary>The Hosts page as the server renders it: every host with its online state and latest cpu/memory/disk.</summary>
public class HostsPageTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    [Fact]
    public async Task Hosts_page_lists_the_server_and_an_agent_with_its_heartbeat_metrics()
    {
        using var admin = await factory.CreateAdminClientAsync();
        var (_, secret) = await CreateTokenAsync(admin);
        using var agent = Client(factory.CreateClient(), secret);
        var id = await RegisterAsync(agent, "page-agent");
        Assert.Equal(HttpStatusCode.OK, (await agent.PostAsync("/api/v1/report/upload", Json(Heartbeat(id, cpu: 42.5, memory: 61, disk: "{\"rate\":93}")))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/hosts/{id}/stop", null)).StatusCode);

        using var session = new DashboardSession(factory);
        await session.SignInAsync("admin", DashboardFactory.AdminPassword, Timeout());
        var html = WebUtility.HtmlDecode(await session.Client.GetStringAsync("/hosts", Timeout()));

        Assert.Equal("Hosts · ProbeDashboard", DashboardSession.Title(html));
        Assert.Contains("page-agent", html);
        Assert.Contains("42.5 %", html);
        Assert.Contains("93 %", html);
        Assert.Contains("status status-online", html);
        Assert.Contains("stopped", html);
        Assert.Contains("Start", html);
    }

    [Fact]
    public async Task A_signed_out_visitor_is_sent_to_sign_in()
    {
        using var session = new DashboardSession(factory);
        var response = await session.Client.GetAsync("/hosts", Timeout());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery);
    }
}
