using System.Net;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Hosts;
using ProbeDashboard.Tests.Support;
using static ProbeDashboard.Tests.Support.AgentWire;

namespace ProbeDashboard.Tests.Ui;

/// <summary>The host detail page as the server renders it: facts, latest metrics, reports, and who may start/stop it.</summary>
public class HostDetailPageTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    private async Task<(HttpClient Admin, int HostId)> AgentWithReportsAsync(string name)
    {
        var admin = await factory.CreateAdminClientAsync();
        var (_, secret) = await CreateTokenAsync(admin, name);
        using var agent = Client(factory.CreateClient(), secret);
        var id = await RegisterAsync(agent, name);
        Assert.Equal(HttpStatusCode.OK, (await agent.PostAsync("/api/v1/report/upload", Json(Heartbeat(id, cpu: 37.5, memory: 64, disk: "{\"rate\":81}")))).StatusCode);
        var component = new
        {
            type = 17,
            detail = new { packagePath = "/opt/app/lib/jackson-core-2.15.2.jar", agentId = id, packageSignature = "0a1b2c3d", packageName = "jackson-core-2.15.2.jar", packageAlgorithm = "SHA-1" },
        };
        Assert.Equal(HttpStatusCode.OK, (await agent.PostAsync("/api/v1/report/upload", Json(component))).StatusCode);
        var call = $$$"""
            {"type": 36, "detail": {"agentId": {{{id}}}, "uri": "/orders/42", "url": "http://localhost:8080/orders/42", "protocol": "HTTP/1.1", "contextPath": "",
             "pool": [{"invokeId": 1, "interfaces": [], "targetHash": [1], "targetValues": "", "signature": "java.util.HashMap.put", "originClassName": "java.util.HashMap",
                       "sourceValues": "", "methodName": "put", "className": "java.util.Map", "source": false, "callerLineNumber": 1, "callerClass": "Orders", "args": "",
                       "callerMethod": "get", "sourceHash": [2], "retClassName": ""}],
             "language": "JAVA", "clientIp": "127.0.0.9", "secure": false, "replayRequest": false, "method": "POST",
             "reqHeader": "", "reqBody": "", "resBody": "", "scheme": "http", "resHeader": ""}}
            """;
        Assert.Equal(HttpStatusCode.OK, (await agent.PostAsync("/api/v1/report/upload", ApiJson.Raw(call))).StatusCode);
        return (admin, id);
    }

    [Fact]
    public async Task Detail_page_shows_the_host_its_latest_metrics_components_and_method_calls()
    {
        var (admin, id) = await AgentWithReportsAsync("detail-agent");
        using var _ = admin;

        using var session = new DashboardSession(factory);
        await session.SignInAsync("admin", DashboardFactory.AdminPassword, Timeout());
        var html = WebUtility.HtmlDecode(await session.Client.GetStringAsync($"/hosts/{id}", Timeout()));

        Assert.Equal("detail-agent · ProbeDashboard", DashboardSession.Title(html));
        Assert.Contains("web-01", html);
        Assert.Contains("10.0.0.5", html);
        Assert.Contains("v1.0.5", html);
        Assert.Contains("37.5 %", html);
        Assert.Contains("81 %", html);
        Assert.Contains("jackson-core-2.15.2.jar", html);
        Assert.Contains("/orders/42", html);
        Assert.Contains("127.0.0.9", html);
        Assert.Contains(">Stop<", html);
        Assert.DoesNotContain("No heartbeats in this range", html);

        var list = WebUtility.HtmlDecode(await session.Client.GetStringAsync("/hosts", Timeout()));
        Assert.Contains($"href=\"hosts/{id}\"", list);
    }

    [Fact]
    public async Task A_viewer_sees_the_host_without_start_stop_and_the_server_refuses_a_viewer_stop()
    {
        var (admin, id) = await AgentWithReportsAsync("viewer-visible-agent");
        using var _ = admin;
        await factory.CreateUserAsync(UserRole.Viewer, "host-viewer");

        using var session = new DashboardSession(factory);
        await session.SignInAsync("host-viewer", DashboardFactory.UserPassword, Timeout());
        var html = WebUtility.HtmlDecode(await session.Client.GetStringAsync($"/hosts/{id}", Timeout()));

        Assert.Contains("viewer-visible-agent", html);
        Assert.Contains("running", html);
        Assert.DoesNotContain(">Stop<", html);
        Assert.DoesNotContain(">Start<", html);

        using var viewerApi = await factory.CreateClientAsync(UserRole.Viewer);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewerApi.PostAsync($"/api/v1/hosts/{id}/stop", null)).StatusCode);
        var command = await factory.WithDbAsync(db => Task.FromResult(db.Hosts.Single(h => h.Id == id).Command));
        Assert.Equal(AgentCommand.Start, command);
    }

    [Fact]
    public async Task An_unknown_host_says_so()
    {
        using var session = new DashboardSession(factory);
        await session.SignInAsync("admin", DashboardFactory.AdminPassword, Timeout());
        var html = WebUtility.HtmlDecode(await session.Client.GetStringAsync("/hosts/999999", Timeout()));
        Assert.Contains("Host not found", html);
        Assert.DoesNotContain("Method-call reports", html);
    }
}
