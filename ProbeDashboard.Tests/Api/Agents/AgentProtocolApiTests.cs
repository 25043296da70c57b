using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Events;
using ProbeDashboard.Tests.Support;
using static ProbeDashboard.Tests.Support.AgentWire;

namespace ProbeDashboard.Tests.Api.Agents;

/// <summary>Seed 003's register, start/stop and report upload paths, as an agent sees them.</summary>
public class AgentProtocolApiTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private async Task<HttpClient> AgentAsync()
    {
        using var admin = await factory.CreateAdminClientAsync();
        var (_, secret) = await CreateTokenAsync(admin);
        return Client(factory.CreateClient(), secret);
    }

    [Fact]
    public async Task Register_answers_the_seed_envelope_and_the_same_name_gets_the_same_id_with_new_fields()
    {
        using var agent = await AgentAsync();
        using var first = await agent.PostAsync("/api/v1/agent/register", Json(Registration("linux-web-01-v1.0.5-a1")));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var json = await first.JsonAsync();
        Assert.Equal(201, json.GetProperty("status").GetInt32());
        Assert.Equal("success", json.GetProperty("msg").GetString());
        var id = json.GetProperty("data").GetProperty("id").GetInt32();

        var changed = Registration("linux-web-01-v1.0.5-a1", version: "v1.0.6");
        changed["hostname"] = "web-01-renamed";
        using var again = await agent.PostAsync("/api/v1/agent/register", Json(changed));
        Assert.Equal(id, (await again.JsonAsync()).GetProperty("data").GetProperty("id").GetInt32());

        using var admin = await factory.CreateAdminClientAsync();
        var host = (await (await admin.GetAsync($"/api/v1/hosts/{id}")).JsonAsync()).GetProperty("data");
        Assert.Equal("web-01-renamed", host.GetProperty("host").GetProperty("hostname").GetString());
        Assert.Equal("v1.0.6", host.GetProperty("host").GetProperty("version").GetString());
        Assert.Equal("online", host.GetProperty("host").GetProperty("status").GetString());
        var details = host.GetProperty("agent");
        Assert.Equal("550e8400-e29b-41d4-a716-446655440000", details.GetProperty("vm_instance_id").GetString());
        Assert.Equal("fa:16:3e:00:00:01", details.GetProperty("mac").GetString());
        Assert.Equal("compute-07", details.GetProperty("hypervisor_node").GetString());
        Assert.True(details.GetProperty("is_vm").GetBoolean() && details.GetProperty("independent_network").GetBoolean());
        Assert.False(details.TryGetProperty("server_env", out _), "the Base64 environment may hold secrets and is not echoed");
    }

    [Theory]
    [InlineData("name")]
    [InlineData("version")]
    [InlineData("hostname")]
    [InlineData("serverAddr")]
    [InlineData("serverPort")]
    [InlineData("serverEnv")]
    public async Task Register_without_a_required_field_is_a_400_naming_it(string field)
    {
        using var agent = await AgentAsync();
        var body = Registration($"agent-missing-{field}");
        body.Remove(field);
        using var response = await agent.PostAsync("/api/v1/agent/register", Json(body));
        Assert.Contains(field, await AssertErrorAsync(response, HttpStatusCode.BadRequest));
    }

    [Theory]
    [InlineData("{\"name\": ")]
    [InlineData("[1, 2]")]
    [InlineData("{\"name\": 5}")]
    public async Task Malformed_bodies_are_400_in_the_agent_envelope(string body)
    {
        using var agent = await AgentAsync();
        using var register = await agent.PostAsync("/api/v1/agent/register", ApiJson.Raw(body));
        await AssertErrorAsync(register, HttpStatusCode.BadRequest);
        using var upload = await agent.PostAsync("/api/v1/report/upload", ApiJson.Raw(body));
        await AssertErrorAsync(upload, HttpStatusCode.BadRequest);
        using var results = await agent.PostAsync("/api/v1/agent/results", ApiJson.Raw(body));
        await AssertErrorAsync(results, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Server_env_that_is_not_base64_and_an_unknown_language_are_rejected()
    {
        using var agent = await AgentAsync();
        var body = Registration("agent-bad-env");
        body["serverEnv"] = "not base64!";
        body["language"] = "COBOL";
        using var response = await agent.PostAsync("/api/v1/agent/register", Json(body));
        var message = await AssertErrorAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("serverEnv", message);
        Assert.Contains("language", message);
    }

    [Fact]
    public async Task Heartbeat_updates_the_host_metrics_keeps_history_and_publishes_the_metrics_event()
    {
        using var agent = await AgentAsync();
        var id = await RegisterAsync(agent, "agent-heartbeat");
        using var sampled = factory.Services.GetRequiredService<EventBus>().Subscribe<HostMetricsSampled>();

        using var first = await agent.PostAsync("/api/v1/report/upload", Json(Heartbeat(id, cpu: 32, memory: 0)));
        var json = await first.JsonAsync();
        Assert.True(first.StatusCode == HttpStatusCode.OK, json.ToString());
        Assert.Equal(201, json.GetProperty("status").GetInt32());
        using var second = await agent.PostAsync("/api/v1/report/upload",
            Json(Heartbeat(id, cpu: 35.5, memory: 68.2, disk: "{\"rate\":45.8}")));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);

        using var admin = await factory.CreateAdminClientAsync();
        var metrics = (await (await admin.GetAsync($"/api/v1/hosts/{id}")).JsonAsync()).GetProperty("data").GetProperty("host").GetProperty("metrics");
        Assert.Equal((35.5, 68.2, 45.8), (metrics.GetProperty("cpu_usage").GetDouble(), metrics.GetProperty("mem_usage").GetDouble(),
            metrics.GetProperty("disk_usage").GetDouble()));
        var history = (await (await admin.GetAsync($"/api/v1/hosts/{id}/metrics")).JsonAsync()).GetProperty("data");
        Assert.Equal([32.0, 35.5], history.EnumerateArray().Select(p => p.GetProperty("cpu_usage").GetDouble()));
        Assert.Equal(JsonValueKind.Null, history[0].GetProperty("disk_usage").ValueKind);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var events = new List<HostMetricsSampled>();
        while (events.Count(e => e.HostId == id) < 2) events.Add(await sampled.Reader.ReadAsync(timeout.Token));
        var last = events.Last(e => e.HostId == id);
        Assert.Equal("agent-heartbeat", last.HostName);
        Assert.Equal(35.5, last.Metrics["cpu_usage"]);
        Assert.Equal(45.8, last.Metrics["disk_usage"]);
    }

    [Theory]
    [InlineData("{\"type\": 99, \"detail\": {\"agentId\": 1}}", "unknown report type")]
    [InlineData("{\"type\": \"one\", \"detail\": {}}", "type")]
    [InlineData("{\"type\": 1}", "detail")]
    [InlineData("{\"type\": 1, \"detail\": {\"agentId\": \"x\", \"cpu\": \"{}\", \"memory\": \"{}\", \"disk\": \"{}\"}}", "agentId")]
    public async Task Unknown_types_and_malformed_reports_are_400(string body, string mentioned)
    {
        using var agent = await AgentAsync();
        using var response = await agent.PostAsync("/api/v1/report/upload", ApiJson.Raw(body));
        Assert.Contains(mentioned, await AssertErrorAsync(response, HttpStatusCode.BadRequest));
    }

    [Theory]
    [InlineData("{\"rate\":", "detail.cpu is not valid JSON")]
    [InlineData("[1]", "detail.cpu must hold a JSON object")]
    [InlineData("{\"rate\":\"lots\"}", "detail.cpu.rate must be a number")]
    [InlineData("{\"rate\":250}", "percentage")]
    public async Task A_malformed_heartbeat_detail_is_400_and_changes_nothing(string cpu, string problem)
    {
        using var agent = await AgentAsync();
        var id = await RegisterAsync(agent, $"agent-bad-cpu-{cpu.GetHashCode():x}");
        var body = new { type = 1, detail = new { agentId = id, cpu, memory = "{}", disk = "{}" } };
        using var response = await agent.PostAsync("/api/v1/report/upload", Json(body));
        Assert.Contains(problem, await AssertErrorAsync(response, HttpStatusCode.BadRequest));

        using var admin = await factory.CreateAdminClientAsync();
        var history = (await (await admin.GetAsync($"/api/v1/hosts/{id}/metrics")).JsonAsync()).GetProperty("data");
        Assert.Equal(0, history.GetArrayLength());
    }

    [Fact]
    public async Task Reports_for_an_unknown_agent_are_404()
    {
        using var agent = await AgentAsync();
        using var heartbeat = await agent.PostAsync("/api/v1/report/upload", Json(Heartbeat(987654, cpu: 1, memory: 1)));
        Assert.Contains("987654", await AssertErrorAsync(heartbeat, HttpStatusCode.NotFound));
        using var startStop = await agent.GetAsync("/api/v1/engine/startstop?agentName=nobody-here");
        await AssertErrorAsync(startStop, HttpStatusCode.NotFound);
        using var noName = await agent.GetAsync("/api/v1/engine/startstop");
        await AssertErrorAsync(noName, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_nul_in_an_agent_query_is_a_400_in_the_agent_envelope_on_either_database()
    {
        using var agent = await AgentAsync();

        using var startStop = await agent.GetAsync("/api/v1/engine/startstop?agentName=%00");

        Assert.Contains("agentName contains a NUL character", await AssertErrorAsync(startStop, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Start_stop_follows_what_an_operator_sets()
    {
        using var agent = await AgentAsync();
        var id = await RegisterAsync(agent, "agent-startstop");
        async Task<string> CommandAsync()
        {
            using var response = await agent.GetAsync("/api/v1/engine/startstop?agentName=agent-startstop");
            var json = await response.JsonAsync();
            Assert.Equal(201, json.GetProperty("status").GetInt32());
            return json.GetProperty("data").GetProperty("command").GetString()!;
        }

        Assert.Equal("start", await CommandAsync());
        using var operatorClient = await factory.CreateClientAsync(UserRole.Operator);
        using var viewer = await factory.CreateClientAsync(UserRole.Viewer);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync($"/api/v1/hosts/{id}/stop", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await operatorClient.PostAsync($"/api/v1/hosts/{id}/stop", null)).StatusCode);
        Assert.Equal("stop", await CommandAsync());
        Assert.Equal(HttpStatusCode.OK, (await operatorClient.PostAsync($"/api/v1/hosts/{id}/start", null)).StatusCode);
        Assert.Equal("start", await CommandAsync());
    }
}
