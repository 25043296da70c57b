using System.Net;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Compat.IpLive;
using ProbeDashboard.Tests.Support;
using static ProbeDashboard.Tests.Support.IpLiveWire;

namespace ProbeDashboard.Tests.Api.Compat;

/// <summary>Seed 002's add_node and deal: nodes become hosts their agent signs in to with the passwd; node results enter the pipeline.</summary>
public class IpLiveNodeApiTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private static int _count;

    private async Task<(HttpClient Client, string App, string Token)> AppAsync()
    {
        var name = $"nodes{Interlocked.Increment(ref _count)}";
        return (factory.CreateClient(), name, await CreateAppAsync(await factory.CreateAdminClientAsync(), name));
    }

    private static string NodeIp() => $"127.0.1.{Interlocked.Increment(ref _count)}";

    private static async Task<int> AddNodeAsync(HttpClient client, string token, string nodeIp, string passwd)
    {
        var json = await AssertCodeAsync(await PostFormAsync(client, "/add_node", ("token", token), ("node_ip", nodeIp), ("passwd", passwd)), 0);
        Assert.Equal(nodeIp, json.GetProperty("data").GetProperty("node_ip").GetString());
        return json.GetProperty("data").GetProperty("host_id").GetInt32();
    }

    [Fact]
    public async Task An_added_node_is_a_host_whose_agent_signs_in_with_the_passwd_and_gets_the_groups_placed_on_it()
    {
        var (client, app, token) = await AppAsync();
        var nodeIp = NodeIp();
        var hostId = await AddNodeAsync(client, token, nodeIp, "node-secret-1");

        var agent = AgentWire.Client(factory.CreateClient(), "node-secret-1");
        Assert.Equal(hostId, await AgentWire.RegisterAsync(agent, IpLiveNode.HostName(nodeIp)));
        var placed = await AssertCodeAsync(await PostFormAsync(client, "/operate_monitor", ("app_name", app), ("token", token),
            ("group_id", "1"), ("record_ids", "1"), ("ips", "127.0.0.1"), ("node_ips", nodeIp)), 0);
        var monitorId = placed.GetProperty("data").GetProperty("records")[0].GetProperty("monitor_id").GetInt32();

        using var tasks = await agent.GetAsync($"/api/v1/agent/tasks?agentId={hostId}");
        var monitors = (await tasks.JsonAsync()).GetProperty("data").GetProperty("monitors").EnumerateArray();
        Assert.Contains(monitorId, monitors.Select(m => m.GetProperty("id").GetInt32()));

        // Adding the node again replaces its passwd: the old one stops working at once.
        Assert.Equal(hostId, await AddNodeAsync(client, token, nodeIp, "node-secret-2"));
        using var refused = await agent.PostAsync("/api/v1/agent/register", AgentWire.Json(AgentWire.Registration(IpLiveNode.HostName(nodeIp))));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Add_node_needs_an_apps_token_a_node_ip_and_a_passwd()
    {
        var (client, _, token) = await AppAsync();
        await AssertCodeAsync(await PostFormAsync(client, "/add_node", ("node_ip", NodeIp()), ("passwd", "secret-123")), 1004);
        await AssertCodeAsync(await PostFormAsync(client, "/add_node", ("token", "ipl_forged"), ("node_ip", NodeIp()), ("passwd", "secret-123")), 1004);
        await AssertCodeAsync(await PostFormAsync(client, "/add_node", ("token", token), ("passwd", "secret-123")), 1002);
        await AssertCodeAsync(await PostFormAsync(client, "/add_node", ("token", token), ("node_ip", NodeIp())), 1002);
        await AssertCodeAsync(await PostFormAsync(client, "/add_node", ("token", token), ("node_ip", "node.example"), ("passwd", "secret-123")), 1003);
        await AssertCodeAsync(await PostFormAsync(client, "/add_node", ("token", token), ("node_ip", NodeIp()), ("passwd", "123")), 1003);
    }

    [Fact]
    public async Task Level_picks_how_many_hosts_run_a_group_and_unknown_node_ips_are_1003()
    {
        var (client, app, token) = await AppAsync();
        await AddNodeAsync(client, token, NodeIp(), "level-node-a");
        await AddNodeAsync(client, token, NodeIp(), "level-node-b");
        var hosts = await factory.WithDbAsync(db => db.Hosts.OrderByDescending(h => h.IsServer).ThenBy(h => h.Id).Select(h => h.Id).ToListAsync());

        await AssertCodeAsync(await PostFormAsync(client, "/operate_monitor", ("app_name", app), ("token", token),
            ("group_id", "2"), ("record_ids", "1"), ("ips", "127.0.0.1"), ("level", "1")), 0);
        var placement = await factory.WithDbAsync(db => db.Monitors.Where(m => m.Origin == $"iplive:{app}/2").Select(m => m.ExecuteOnHostIds).SingleAsync());
        Assert.Equal(hosts.Take(2), placement);

        await AssertCodeAsync(await PostFormAsync(client, "/operate_monitor", ("app_name", app), ("token", token),
            ("group_id", "3"), ("record_ids", "1"), ("ips", "127.0.0.1"), ("node_ips", "127.0.9.9")), 1003);
        await AssertCodeAsync(await PostFormAsync(client, "/operate_monitor", ("app_name", app), ("token", token),
            ("group_id", "3"), ("record_ids", "1"), ("ips", "127.0.0.1"), ("level", "-1")), 1003);
    }

    [Fact]
    public async Task Deal_stores_a_nodes_results_as_the_seed_writes_them_judged_by_the_groups_http_code()
    {
        var (client, app, token) = await AppAsync();
        var nodeIp = NodeIp();
        var hostId = await AddNodeAsync(client, token, nodeIp, "deal-node-pw");
        var placed = await AssertCodeAsync(await PostFormAsync(client, "/operate_monitor", ("app_name", app), ("token", token),
            ("group_id", "1"), ("record_ids", "1:2"), ("ips", "127.0.0.1:127.0.0.2"), ("http_code", "200"), ("node_ips", nodeIp)), 0);
        var ids = placed.GetProperty("data").GetProperty("records").EnumerateArray().Select(r => r.GetProperty("monitor_id").GetInt32()).ToArray();

        var data = $"[{{'server_id': {ids[0]}, 'timestamp': '', 'last_status': '200', 'res_time': '5'}}, " +
                   $"{{'server_id': '{ids[1]}', 'timestamp': '1795000000000', 'last_status': '503', 'res_time': '12'}}]";
        var json = await AssertCodeAsync(await PostFormAsync(client, "/deal", ("token", "deal-node-pw"), ("timestamp", "1794999990"), ("data", data)), 0);
        Assert.Equal(2, json.GetProperty("data").GetProperty("accepted").GetInt32());

        var stored = await factory.WithDbAsync(db => db.ProbeResults.AsNoTracking().Where(r => ids.Contains(r.MonitorId)).OrderBy(r => r.MonitorId).ToListAsync());
        Assert.Equal([(hostId, true, 200, 5.0), (hostId, false, 503, 12.0)], stored.Select(r => (r.HostId, r.Success, r.StatusCode, r.LatencyMs)));
        Assert.Equal([DateTime.UnixEpoch.AddSeconds(1794999990), DateTime.UnixEpoch.AddSeconds(1795000000)], stored.Select(r => r.Timestamp));
    }

    [Fact]
    public async Task Deal_refuses_a_stranger_missing_data_and_results_for_monitors_that_are_not_iplive()
    {
        var (client, _, token) = await AppAsync();
        await AddNodeAsync(client, token, NodeIp(), "deal-guard-pw");
        const string item = "[{\"server_id\": 999999, \"timestamp\": \"\", \"last_status\": \"200\", \"res_time\": \"5\"}]";

        await AssertCodeAsync(await PostFormAsync(client, "/deal", ("token", token), ("timestamp", "1"), ("data", item)), 1004);
        await AssertCodeAsync(await PostFormAsync(client, "/deal", ("timestamp", "1"), ("data", item)), 1004);
        await AssertCodeAsync(await PostFormAsync(client, "/deal", ("token", "deal-guard-pw"), ("timestamp", "1")), 1002);
        await AssertCodeAsync(await PostFormAsync(client, "/deal", ("token", "deal-guard-pw"), ("data", item)), 1002);
        await AssertCodeAsync(await PostFormAsync(client, "/deal", ("token", "deal-guard-pw"), ("timestamp", "1"), ("data", item)), 1003);
        await AssertCodeAsync(await PostFormAsync(client, "/deal", ("token", "deal-guard-pw"), ("timestamp", "1"), ("data", "{not json")), 1003);
        await AssertCodeAsync(await PostFormAsync(client, "/deal", ("token", "deal-guard-pw"), ("timestamp", "1"), ("data", "[{\"server_id\": 1}]")), 1002);
    }
}
