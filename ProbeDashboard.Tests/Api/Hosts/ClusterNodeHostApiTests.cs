using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Hosts;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Tests.Support;
using static ProbeDashboard.Tests.Support.AgentWire;

namespace ProbeDashboard.Tests.Api.Hosts;

/// <summary>
/// A cluster node's own host (made here as a node makes it at start-up): listed with its metrics, but no probe target,
/// no group member, no agent; and a single server (no Cluster keys) keeps writing its metrics to the server host.
/// </summary>
public sealed class ClusterNodeHostApiTests : IClassFixture<ClusterNodeHostApiTests.SamplingFactory>
{
    /// <summary>The server samples its own machine every second, as a single server does (every 10 s by default).</summary>
    public sealed class SamplingFactory : DashboardFactory
    {
        public SamplingFactory() => Settings["Hosts:ServerMetricsSeconds"] = "1";
    }

    private readonly SamplingFactory _app;

    public ClusterNodeHostApiTests(SamplingFactory app) => _app = app;

    private Task<int> NodeHostAsync(string nodeName) =>
        _app.Services.GetRequiredService<ClusterNodeHosts>().EnsureAsync(nodeName, 2, CancellationToken.None);

    private static async Task<JsonElement> DataAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var json = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, json.ToString());
        return json.GetProperty("data");
    }

    [Fact]
    public async Task A_single_server_writes_its_metrics_to_the_server_host_and_makes_no_node_host()
    {
        if (!File.Exists("/proc/stat")) return;   // the sampler reads Linux's /proc; CI runs on Linux
        var serverId = await _app.WithDbAsync(db => db.Hosts.Where(h => h.IsServer).Select(h => h.Id).SingleAsync());
        await Eventually.TrueAsync(async () => await _app.WithDbAsync(db => db.HostMetricSamples.CountAsync(s => s.HostId == serverId)) >= 2,
            "two samples of the server's own metrics on the server host", 30_000);
        Assert.Equal(0, await _app.WithDbAsync(db => db.Hosts.CountAsync(h => h.ClusterNodeName != null)));
        Assert.NotNull(await _app.WithDbAsync(db => db.Hosts.Where(h => h.IsServer).Select(h => h.Metrics.SampledAt).SingleAsync()));
    }

    [Fact]
    public async Task A_node_host_is_listed_with_its_metrics_and_goes_online_with_its_first_sample()
    {
        var id = await NodeHostAsync("node-listed");
        Assert.Equal(id, await NodeHostAsync("node-listed"));   // a restarted node finds its row again
        using var admin = await _app.CreateAdminClientAsync();

        var before = (await DataAsync(admin, $"/api/v1/hosts/{id}")).GetProperty("host");
        Assert.Equal(("node-listed", "node-listed", false, "offline"), (before.GetProperty("name").GetString(),
            before.GetProperty("cluster_node").GetString(), before.GetProperty("is_server").GetBoolean(), before.GetProperty("status").GetString()));

        var recorder = _app.Services.GetRequiredService<HeartbeatRecorder>();
        Assert.True(await recorder.RecordAsync(id, new HostMetrics { CpuUsage = 42.5, MemUsage = 10 }, CancellationToken.None));
        var items = (await DataAsync(admin, "/api/v1/hosts?page_size=500")).GetProperty("items").EnumerateArray().ToList();
        var listed = items.Single(h => h.GetProperty("id").GetInt32() == id);
        Assert.Equal("online", listed.GetProperty("status").GetString());
        Assert.Equal(42.5, listed.GetProperty("metrics").GetProperty("cpu_usage").GetDouble());
        Assert.Equal(JsonValueKind.Null, items.Single(h => h.GetProperty("is_server").GetBoolean()).GetProperty("cluster_node").ValueKind);
        Assert.Equal(1, await _app.WithDbAsync(db => db.HostMetricSamples.CountAsync(s => s.HostId == id)));
    }

    [Fact]
    public async Task A_node_host_is_no_probe_target_no_group_member_and_no_agent()
    {
        var id = await NodeHostAsync("node-guarded");
        using var admin = await _app.CreateAdminClientAsync();
        using var group = await admin.PostAsync("/api/v1/host-groups", ApiJson.Content(new { name = "node guard group" }));
        var groupId = (await group.JsonAsync()).GetProperty("data").GetProperty("id").GetInt32();

        using (var assign = await admin.PutAsync($"/api/v1/hosts/{id}", ApiJson.Content(new { group_id = groupId })))
            Assert.Equal(HttpStatusCode.Conflict, assign.StatusCode);
        using (var stop = await admin.PostAsync($"/api/v1/hosts/{id}/stop", null))
            Assert.Equal(HttpStatusCode.Conflict, stop.StatusCode);
        Assert.Null(await _app.WithDbAsync(db => db.Hosts.Where(h => h.Id == id).Select(h => h.GroupId).SingleAsync()));

        foreach (var body in new[]
                 {
                     $$$"""{"name": "on a node host", "type": 3, "target": "127.0.0.1", "duration": 30, "execute_on": {"type": "hosts", "host_ids": [{{{id}}}]}}""",
                     $$$"""{"name": "skipping a node host", "type": 3, "target": "127.0.0.1", "duration": 30, "skip_hosts": [{{{id}}}]}""",
                 })
        {
            using var created = await admin.PostAsync("/api/v1/service-monitors", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, created.StatusCode);
        }
        var choices = await _app.Services.GetRequiredService<MonitorQueries>().GetPlacementChoicesAsync(TestActors.Admin, CancellationToken.None);
        Assert.DoesNotContain(choices.Hosts, h => h.Id == id);

        var (_, secret) = await CreateTokenAsync(admin, "node guard agents");
        using var agent = Client(_app.CreateClient(), secret);
        using (var register = await agent.PostAsync("/api/v1/agent/register", Json(Registration("node-guarded"))))
            Assert.Equal(HttpStatusCode.Conflict, register.StatusCode);
        Assert.Equal(id, await NodeHostAsync("node-guarded"));
    }

    [Fact]
    public async Task A_node_named_like_an_agent_gets_a_name_of_its_own_and_a_retired_node_host_can_be_deleted()
    {
        using var admin = await _app.CreateAdminClientAsync();
        var (_, secret) = await CreateTokenAsync(admin, "name clash agents");
        using var agent = Client(_app.CreateClient(), secret);
        var agentId = await RegisterAsync(agent, "clash");

        var id = await NodeHostAsync("clash");
        Assert.NotEqual(agentId, id);
        Assert.Equal("clash (cluster node)", await _app.WithDbAsync(db => db.Hosts.Where(h => h.Id == id).Select(h => h.Name).SingleAsync()));

        using (var deleted = await admin.DeleteAsync($"/api/v1/hosts/{id}"))
            Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.False(await _app.WithDbAsync(db => db.Hosts.AnyAsync(h => h.Id == id)));
    }
}
