using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Tests.Api.Compat;
using ProbeDashboard.Tests.Support;
using static ProbeDashboard.Tests.Support.IpLiveWire;

namespace ProbeDashboard.Tests.Ui.Compat;

/// <summary>
/// What the compatibility APIs leave in the dashboard: iplive apps in Settings for admins, monitors tagged with
/// their origin in the list and on their page, and a host's probe flows on its page.
/// </summary>
public class CompatUiTests(ProbeFlowsFactory factory) : IClassFixture<ProbeFlowsFactory>
{
    private static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    private async Task<string> PageAsync(string userName, string password, string path)
    {
        using var session = new DashboardSession(factory);
        await session.SignInAsync(userName, password, Timeout());
        return WebUtility.HtmlDecode(await session.Client.GetStringAsync(path, Timeout()));
    }

    [Fact]
    public async Task Admins_see_iplive_apps_with_their_callback_but_never_the_token_and_operators_see_no_such_section()
    {
        using var admin = await factory.CreateAdminClientAsync();
        var token = await CreateAppAsync(admin, "billing", "http://127.0.0.1:9/billing-callback");

        var html = await PageAsync(DashboardFactory.AdminUser, DashboardFactory.AdminPassword, "/settings");
        Assert.Contains("iplive apps", html);
        Assert.Matches(@"(?s)billing</th>(?:(?!</tr>).)*" + token[..10] + "…", html);
        Assert.Contains("http://127.0.0.1:9/billing-callback", html);
        Assert.DoesNotContain(token, html);

        await factory.CreateUserAsync(UserRole.Operator, "compat-operator");
        var operatorHtml = await PageAsync("compat-operator", DashboardFactory.UserPassword, "/settings");
        Assert.DoesNotContain("iplive apps", operatorHtml);
        Assert.DoesNotContain("billing-callback", operatorHtml);
    }

    [Fact]
    public async Task An_iplive_monitor_carries_its_origin_to_the_list_rows_and_shows_it_on_its_page()
    {
        using var admin = await factory.CreateAdminClientAsync();
        var token = await CreateAppAsync(admin, "tagged");
        using var client = factory.CreateClient();
        var json = await AssertCodeAsync(await PostFormAsync(client, "/operate_monitor", ("app_name", "tagged"), ("token", token),
            ("group_id", "31"), ("record_ids", "5"), ("ips", "127.0.0.1")), 0);
        var monitorId = json.GetProperty("data").GetProperty("records")[0].GetProperty("monitor_id").GetInt32();

        // The list loads its rows once interactive (the browser journey sees the chip); its query must carry the origin.
        var page = await factory.Services.GetRequiredService<MonitorQueries>()
            .ListAsync(TestActors.Viewer, new MonitorListFilter("tagged/31"), new MonitorSort(), 0, 20, CancellationToken.None);
        Assert.Equal("iplive:tagged/31", Assert.Single(page.Rows).Origin);
        var detail = await PageAsync(DashboardFactory.AdminUser, DashboardFactory.AdminPassword, $"/monitors/{monitorId}");
        Assert.Matches(@"(?s)<h1>iplive tagged/31 #5</h1>.*origin-tag.*>iplive:tagged/31<", detail);
    }

    [Fact]
    public async Task A_hosts_page_lists_its_probe_flows()
    {
        using var admin = await factory.CreateAdminClientAsync();
        var (_, secret) = await AgentWire.CreateTokenAsync(admin);
        var agent = AgentWire.Client(factory.CreateClient(), secret);
        var registration = AgentWire.Registration("flow-page-agent");
        registration["vmInstanceId"] = "vm-on-the-host-page";
        using var registered = await agent.PostAsync("/api/v1/agent/register", AgentWire.Json(registration));
        var hostId = (await registered.JsonAsync()).GetProperty("data").GetProperty("id").GetInt32();
        using var operatorClient = await factory.CreateClientAsync(UserRole.Operator);
        Assert.Equal(HttpStatusCode.OK, (await operatorClient.PostAsync("/knapsack/probe/flows", AgentWire.Json(new { instance_id = "vm-on-the-host-page" }))).StatusCode);

        var html = await PageAsync(DashboardFactory.AdminUser, DashboardFactory.AdminPassword, $"/hosts/{hostId}");
        Assert.Contains("Probe flows", html);
        Assert.Matches(@"(?s)vm-on-the-host-page(?:(?!</tr>).)*compute-07(?:(?!</tr>).)*" + ProbeFlowsFactory.ProxyIp.Replace(".", @"\."), html);
    }
}
