using System.Net;
using Bunit;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Hosts;
using ProbeDashboard.Hosts;
using ProbeDashboard.Hosts.Detail;
using ProbeDashboard.Tests.Support;
using static ProbeDashboard.Tests.Support.AgentWire;

namespace ProbeDashboard.Tests.Components.Hosts;

/// <summary>The hosts list and a host's page over real agents' reports: metrics, facts, reports and who may start/stop.</summary>
public class HostPagesTests(DashboardFactory app) : AppComponentTest(app), IClassFixture<DashboardFactory>
{
    private async Task<int> AgentWithReportsAsync(string name)
    {
        using var admin = await App.CreateAdminClientAsync();
        var (_, secret) = await CreateTokenAsync(admin, name);
        using var agent = Client(App.CreateClient(), secret);
        var id = await RegisterAsync(agent, name);
        Assert.Equal(HttpStatusCode.OK, (await agent.PostAsync("/api/v1/report/upload", Json(Heartbeat(id, cpu: 37.5, memory: 64, disk: "{\"rate\":93}")))).StatusCode);
        var component = new
        {
            type = 17,
            detail = new { packagePath = "/opt/app/lib/jackson-core-2.15.2.jar", agentId = id, packageSignature = "0a1b2c3d", packageName = "jackson-core-2.15.2.jar", packageAlgorithm = "SHA-1" },
        };
        Assert.Equal(HttpStatusCode.OK, (await agent.PostAsync("/api/v1/report/upload", Json(component))).StatusCode);
        var call = $$$"""
            {"type": 36, "detail": {"agentId": {{{id}}}, "uri": "/orders/42", "url": "http://localhost:8080/orders/42", "protocol": "HTTP/1.1", "contextPath": "",
             "pool": [], "language": "JAVA", "clientIp": "127.0.0.9", "secure": false, "replayRequest": false, "method": "POST",
             "reqHeader": "", "reqBody": "", "resBody": "", "scheme": "http", "resHeader": ""}}
            """;
        Assert.Equal(HttpStatusCode.OK, (await agent.PostAsync("/api/v1/report/upload", ApiJson.Raw(call))).StatusCode);
        // Agents may report several addresses in one field; the page lists them one by one.
        await App.WithDbAsync(async db =>
        {
            var host = await db.Hosts.SingleAsync(h => h.Id == id);
            host.Agent.Network = "10.0.0.5, 192.168.7.9;fe80::1";
            await db.SaveChangesAsync();
        });
        return id;
    }

    [Fact]
    public async Task The_list_shows_an_agents_metrics_and_an_operator_can_start_its_probing()
    {
        var id = await AgentWithReportsAsync("list-agent");
        using (var admin = await App.CreateAdminClientAsync())
            Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/hosts/{id}/stop", null)).StatusCode);
        await SignInAsync(UserRole.Operator, "hosts-operator");

        var list = Ctx.Render<HostList>();
        list.WaitForAssertion(() => Assert.Contains("list-agent", list.Markup));
        var row = list.FindAll("tbody tr").Single(r => r.TextContent.Contains("list-agent"));
        Assert.Contains("37.5 %", row.TextContent);
        Assert.Contains("93 %", row.TextContent);
        Assert.Contains("stopped", row.TextContent);
        Assert.NotNull(row.QuerySelector($"a[href='hosts/{id}']"));

        list.OnRenderer(() => list.FindAll("tbody tr").Single(r => r.TextContent.Contains("list-agent")).QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Start").Click());
        await Eventually.TrueAsync(async () => await App.WithDbAsync(db => db.Hosts.Where(h => h.Id == id).Select(h => h.Command).SingleAsync()) == AgentCommand.Start, "the agent told to start");
    }

    [Fact]
    public async Task A_viewer_sees_hosts_without_start_or_stop_and_the_search_narrows_the_list()
    {
        await AgentWithReportsAsync("searchable-agent");
        await SignInAsync(UserRole.Viewer, "hosts-viewer");

        var list = Ctx.Render<HostList>();
        list.WaitForAssertion(() => Assert.Contains("searchable-agent", list.Markup));
        Assert.DoesNotContain(list.FindAll("tbody button"), b => b.TextContent.Trim() is "Start" or "Stop");

        list.OnRenderer(() => list.Field("Search name or hostname").Input("no-such-host"));
        list.WaitForAssertion(() => Assert.Contains("No host matches these filters.", list.Markup), TimeSpan.FromSeconds(10));
        Assert.DoesNotContain("searchable-agent", list.Markup);
    }

    [Fact]
    public async Task The_detail_page_lists_facts_addresses_metrics_components_and_method_calls()
    {
        var id = await AgentWithReportsAsync("detail-agent");
        await SignInAsync(UserRole.Admin, "hosts-admin");

        var page = Ctx.Render<HostDetailPage>(p => p.Add(c => c.Id, id));
        page.WaitForAssertion(() => Assert.Contains("jackson-core-2.15.2.jar", page.Markup));
        page.WaitForAssertion(() => Assert.Contains("/orders/42", page.Markup));

        Assert.Equal("detail-agent", page.Find("h1").TextContent.Trim());
        var facts = page.Find("dl.host-facts");
        Assert.Contains("web-01", facts.TextContent);
        Assert.Equal(["10.0.0.5", "192.168.7.9", "fe80::1"], facts.QuerySelectorAll(".address-list li").Select(li => li.TextContent.Trim()));
        Assert.Contains("v1.0.5", facts.TextContent);
        Assert.Contains("37.5 %", page.Find("dl.host-latest").TextContent);
        Assert.Contains("127.0.0.9", page.Markup);
        Assert.Contains(page.FindAll("button"), b => b.TextContent.Trim() == "Stop");
    }

    [Fact]
    public async Task A_viewer_sees_the_host_page_without_start_or_stop()
    {
        var id = await AgentWithReportsAsync("viewer-visible-agent");
        await SignInAsync(UserRole.Viewer, "host-page-viewer");

        var page = Ctx.Render<HostDetailPage>(p => p.Add(c => c.Id, id));
        page.WaitForAssertion(() => Assert.Contains("viewer-visible-agent", page.Markup));
        Assert.Contains("running", page.Markup);
        Assert.DoesNotContain(page.FindAll("button"), b => b.TextContent.Trim() is "Start" or "Stop");
    }

    [Fact]
    public async Task An_unknown_host_shows_only_the_message_and_the_way_back()
    {
        await SignInAsync(UserRole.Viewer, "lost-viewer");

        var page = Ctx.Render<HostDetailPage>(p => p.Add(c => c.Id, 999_999));
        page.WaitForAssertion(() => Assert.Contains("Host not found", page.Markup));
        Assert.Equal("hosts", page.Find("a[href='hosts']").GetAttribute("href"));
        Assert.Empty(page.FindAll("section.card"));
        Assert.DoesNotContain("Method-call reports", page.Markup);
    }
}
