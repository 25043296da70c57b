using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Events;
using ProbeDashboard.Core.Hosts;
using ProbeDashboard.Tests.Support;
using static ProbeDashboard.Tests.Support.AgentWire;

namespace ProbeDashboard.Tests.Api.Agents;

/// <summary>Hosts, host groups, components and method-call reports, hook-rule profiles, and offline after missed heartbeats.</summary>
public class HostsApiTests : IClassFixture<HostsApiTests.ClockFactory>
{
    /// <summary>A factory whose clock the tests move, to miss heartbeats without waiting.</summary>
    public sealed class ClockFactory : DashboardFactory
    {
        public ManualTimeProvider Clock { get; } = new();

        public ClockFactory() => Time = Clock;
    }

    private readonly ClockFactory _factory;

    public HostsApiTests(ClockFactory factory) => _factory = factory;

    private async Task<(HttpClient Admin, HttpClient Agent)> ClientsAsync()
    {
        var admin = await _factory.CreateAdminClientAsync();
        var (_, secret) = await CreateTokenAsync(admin);
        return (admin, Client(_factory.CreateClient(), secret));
    }

    private static async Task<JsonElement> DataAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var json = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, json.ToString());
        return json.GetProperty("data");
    }

    [Fact]
    public async Task The_server_is_listed_as_an_online_host_next_to_agents()
    {
        var (admin, agent) = await ClientsAsync();
        var id = await RegisterAsync(agent, "listed-agent");
        using var viewer = await _factory.CreateClientAsync(UserRole.Viewer);

        var page = await DataAsync(viewer, "/api/v1/hosts?page_size=500");
        var items = page.GetProperty("items").EnumerateArray().ToList();
        var server = items.First();
        Assert.True(server.GetProperty("is_server").GetBoolean());
        Assert.Equal("online", server.GetProperty("status").GetString());
        Assert.Contains(items, h => h.GetProperty("id").GetInt32() == id && h.GetProperty("name").GetString() == "listed-agent");

        var searched = await DataAsync(viewer, "/api/v1/hosts?search=listed-agent");
        Assert.Equal(1, searched.GetProperty("total").GetInt32());
        using var bad = await viewer.GetAsync("/api/v1/hosts?status=sleepy");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync("/api/v1/hosts/99999")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.DeleteAsync($"/api/v1/hosts/{server.GetProperty("id").GetInt32()}")).StatusCode);
    }

    [Fact]
    public async Task Host_groups_are_created_renamed_guarded_while_in_use_and_deleted()
    {
        var (admin, agent) = await ClientsAsync();
        var host = await RegisterAsync(agent, "grouped-agent");
        using var created = await admin.PostAsync("/api/v1/host-groups", ApiJson.Content(new { name = "生产环境" }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var groupId = (await created.JsonAsync()).GetProperty("data").GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync("/api/v1/host-groups", ApiJson.Content(new { name = "生产环境" }))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync("/api/v1/host-groups", ApiJson.Content(new { name = "" }))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsync($"/api/v1/host-groups/{groupId}", ApiJson.Content(new { name = "prod" }))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsync($"/api/v1/hosts/{host}", ApiJson.Content(new { group_id = 99999 }))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsync($"/api/v1/hosts/{host}", ApiJson.Content(new { group_id = groupId }))).StatusCode);

        var group = (await DataAsync(admin, "/api/v1/host-groups")).EnumerateArray().Single(g => g.GetProperty("id").GetInt32() == groupId);
        Assert.Equal(("prod", 1), (group.GetProperty("name").GetString(), group.GetProperty("host_count").GetInt32()));
        Assert.Equal("prod", (await DataAsync(admin, $"/api/v1/hosts/{host}")).GetProperty("host").GetProperty("group_name").GetString());

        using var monitor = await admin.PostAsync("/api/v1/service-monitors", ApiJson.Content(new Dictionary<string, object?>
        {
            ["name"] = "on prod", ["type"] = 3, ["target"] = "127.0.0.1", ["duration"] = 30, ["execute_on"] = new { type = "group", group_id = groupId },
        }));
        var monitorId = (await monitor.JsonAsync()).GetProperty("data").GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.Conflict, (await admin.DeleteAsync($"/api/v1/host-groups/{groupId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.DeleteAsync($"/api/v1/service-monitors/{monitorId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.DeleteAsync($"/api/v1/host-groups/{groupId}")).StatusCode);
        var after = await DataAsync(admin, $"/api/v1/hosts/{host}");
        Assert.Equal(JsonValueKind.Null, after.GetProperty("host").GetProperty("group_id").ValueKind);
    }

    [Fact]
    public async Task Components_and_method_calls_are_stored_and_browsable_per_agent()
    {
        var (admin, agent) = await ClientsAsync();
        var id = await RegisterAsync(agent, "reporting-agent");
        var component = new
        {
            type = 17,
            detail = new
            {
                packagePath = "/Users/xxx/spring-boot/2.3.2.RELEASE/spring-boot-2.3.2.RELEASE.jar", agentId = id,
                packageSignature = "efd5812bc736735e71447a51701becd14c2bede0", packageName = "spring-boot-2.3.2.RELEASE.jar", packageAlgorithm = "SHA-1",
            },
        };
        Assert.Equal(HttpStatusCode.OK, (await agent.PostAsync("/api/v1/report/upload", Json(component))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await agent.PostAsync("/api/v1/report/upload", Json(component))).StatusCode);
        var call = $$$"""
            {"type": 36, "detail": {"agentId": {{{id}}}, "uri": "/", "url": "http://localhost:8080/", "protocol": "HTTP/1.1", "contextPath": "",
             "pool": [{"invokeId": 1024, "interfaces": [], "targetHash": [1824828808], "targetValues": "{q=0.9}", "signature": "java.util.HashMap.put",
                       "originClassName": "java.util.HashMap", "sourceValues": "q 0.9 ", "methodName": "put", "className": "java.util.Map",
                       "source": false, "callerLineNumber": 252, "callerClass": "org.springframework.util.MimeTypeUtils", "args": "",
                       "callerMethod": "parseMimeTypeInternal", "sourceHash": [1197294456, 365502861], "retClassName": ""}],
             "language": "JAVA", "clientIp": "127.0.0.1", "secure": false, "replayRequest": false, "method": "GET",
             "reqHeader": "aG9zdDpsb2NhbGhvc3Q6ODA4MApj", "reqBody": "", "resBody": "<!DOCTYPE html>", "scheme": "http", "resHeader": "SFRUUC8xLjEgMjAw"}}
            """;
        Assert.Equal(HttpStatusCode.OK, (await agent.PostAsync("/api/v1/report/upload", ApiJson.Raw(call))).StatusCode);
        using var noUri = await agent.PostAsync("/api/v1/report/upload", Json(new { type = 36, detail = new { agentId = id, pool = 5 } }));
        await AssertErrorAsync(noUri, HttpStatusCode.BadRequest);

        var components = await DataAsync(admin, $"/api/v1/hosts/{id}/components");
        Assert.Equal(1, components.GetProperty("total").GetInt32());
        Assert.Equal("SHA-1", components.GetProperty("items")[0].GetProperty("package_algorithm").GetString());
        var calls = await DataAsync(admin, $"/api/v1/hosts/{id}/method-calls");
        var summary = calls.GetProperty("items")[0];
        Assert.Equal(("GET", "/", 1), (summary.GetProperty("method").GetString(), summary.GetProperty("uri").GetString(), summary.GetProperty("pool_size").GetInt32()));
        var detail = await DataAsync(admin, $"/api/v1/hosts/{id}/method-calls/{summary.GetProperty("id").GetInt64()}");
        Assert.Equal("java.util.HashMap.put", detail.GetProperty("detail").GetProperty("pool")[0].GetProperty("signature").GetString());
    }

    [Fact]
    public async Task Profiles_are_managed_by_admins_and_served_to_agents_in_the_seed_shape()
    {
        var (admin, agent) = await ClientsAsync();
        var profile = new
        {
            language = "JAVA", type = 1, enable = 1, value = "String",
            details = new[] { new { source = "P1", track = "", target = "O", value = "java.lang.String.<init>(java.lang.String)", inherit = "false" } },
        };
        using var created = await admin.PostAsync("/api/v1/profiles", ApiJson.Content(profile));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync("/api/v1/profiles", ApiJson.Content(profile with { language = "PYTHON", value = "str" }))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync("/api/v1/profiles", ApiJson.Content(profile with { type = 9 }))).StatusCode);
        using var operatorClient = await _factory.CreateClientAsync(UserRole.Operator);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.PostAsync("/api/v1/profiles", ApiJson.Content(profile))).StatusCode);

        using var response = await agent.GetAsync("/api/v1/profiles?language=JAVA");
        var json = await response.JsonAsync();
        Assert.Equal(201, json.GetProperty("status").GetInt32());
        var rule = json.GetProperty("data").EnumerateArray().Single();
        Assert.Equal(["type", "enable", "value", "details"], rule.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["source", "track", "target", "value", "inherit"], rule.GetProperty("details")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal("java.lang.String.<init>(java.lang.String)", rule.GetProperty("details")[0].GetProperty("value").GetString());

        var all = await DataAsync(admin, "/api/v1/profiles");
        Assert.Equal(2, all.GetArrayLength());
    }

    [Fact]
    public async Task A_host_goes_offline_after_three_missed_heartbeats_and_online_with_the_next()
    {
        var (admin, agent) = await ClientsAsync();
        var id = await RegisterAsync(agent, "quiet-agent");
        using var changes = _factory.Services.GetRequiredService<EventBus>().Subscribe<HostStatusChanged>();
        var liveness = _factory.Services.GetRequiredService<HostLiveness>();

        _factory.Clock.Advance(TimeSpan.FromSeconds(14));
        await liveness.MarkSilentHostsOfflineAsync(CancellationToken.None);
        Assert.Equal("online", (await DataAsync(admin, $"/api/v1/hosts/{id}")).GetProperty("host").GetProperty("status").GetString());

        _factory.Clock.Advance(TimeSpan.FromSeconds(2));
        var offline = await liveness.MarkSilentHostsOfflineAsync(CancellationToken.None);
        Assert.Contains(offline, c => c.HostId == id && !c.Online);
        Assert.Equal("offline", (await DataAsync(admin, $"/api/v1/hosts/{id}")).GetProperty("host").GetProperty("status").GetString());
        Assert.Equal(1, (await DataAsync(admin, "/api/v1/hosts?status=offline&search=quiet-agent")).GetProperty("total").GetInt32());

        Assert.Equal(HttpStatusCode.OK, (await agent.PostAsync("/api/v1/report/upload", Json(Heartbeat(id, cpu: 5, memory: 5)))).StatusCode);
        Assert.Equal("online", (await DataAsync(admin, $"/api/v1/hosts/{id}")).GetProperty("host").GetProperty("status").GetString());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var seen = new List<HostStatusChanged>();
        while (!seen.Any(c => c.HostId == id && c.Online)) seen.Add(await changes.Reader.ReadAsync(timeout.Token));
        Assert.Contains(seen, c => c.HostId == id && !c.Online);
    }
}
