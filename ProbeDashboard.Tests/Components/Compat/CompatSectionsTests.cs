using System.Net;
using Bunit;
using ProbeDashboard.Compat.IpLive;
using ProbeDashboard.Compat.ProbeFlows;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Tests.Api.Compat;
using ProbeDashboard.Tests.Support;
using static ProbeDashboard.Tests.Support.IpLiveWire;

namespace ProbeDashboard.Tests.Components.Compat;

/// <summary>What the compatibility APIs leave in the dashboard: iplive apps in Settings and a host's probe flows.</summary>
public class CompatSectionsTests(ProbeFlowsFactory app) : AppComponentTest(app), IClassFixture<ProbeFlowsFactory>
{
    [Fact]
    public async Task Admins_see_iplive_apps_with_their_callback_but_never_the_token_and_create_one_shown_once()
    {
        using var admin = await App.CreateAdminClientAsync();
        var token = await CreateAppAsync(admin, "billing", "http://127.0.0.1:9/billing-callback");
        await SignInAsync(UserRole.Admin, "compat-admin");

        var section = Ctx.Render<IpLiveAppsSection>();
        section.WaitForAssertion(() => Assert.Contains("billing", section.Markup));
        Assert.Contains(token[..10] + "…", section.FindAll("tr").Single(r => r.TextContent.Contains("billing")).TextContent);
        Assert.Equal("http://127.0.0.1:9/billing-callback", section.Field("Callback URL of billing").GetAttribute("value"));
        Assert.DoesNotContain(token, section.Markup);

        section.OnRenderer(() => section.Field("App name").Input("storefront"));
        section.OnRenderer(() => section.Field("Callback URL").Input("http://127.0.0.1:9/cb"));
        section.OnRenderer(() => section.Find("form").Submit());
        section.WaitForAssertion(() => Assert.StartsWith("ipl_", section.Find("code.token-secret").TextContent));
        Assert.Contains(section.FindAll("tbody th"), th => th.TextContent.Trim() == "storefront");
    }

    [Fact]
    public async Task A_hosts_page_lists_its_probe_flows()
    {
        using var admin = await App.CreateAdminClientAsync();
        var (_, secret) = await AgentWire.CreateTokenAsync(admin);
        var agent = AgentWire.Client(App.CreateClient(), secret);
        var registration = AgentWire.Registration("flow-page-agent");
        registration["vmInstanceId"] = "vm-on-the-host-page";
        using var registered = await agent.PostAsync("/api/v1/agent/register", AgentWire.Json(registration));
        var hostId = (await registered.JsonAsync()).GetProperty("data").GetProperty("id").GetInt32();
        using var operatorClient = await App.CreateClientAsync(UserRole.Operator);
        Assert.Equal(HttpStatusCode.OK, (await operatorClient.PostAsync("/knapsack/probe/flows", AgentWire.Json(new { instance_id = "vm-on-the-host-page" }))).StatusCode);
        await SignInAsync(UserRole.Viewer, "flows-viewer");

        var flows = Ctx.Render<HostProbeFlows>(p => p.Add(c => c.HostId, hostId).Add(c => c.HeadingId, "flows"));
        flows.WaitForAssertion(() => Assert.Contains("vm-on-the-host-page", flows.Markup));
        var row = flows.FindAll("tbody tr").Single(r => r.TextContent.Contains("vm-on-the-host-page"));
        Assert.Contains("compute-07", row.TextContent);
        Assert.Contains(ProbeFlowsFactory.ProxyIp, row.TextContent);
    }
}
