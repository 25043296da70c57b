using System.Net;
using System.Text.Json;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.Compat;

/// <summary>The probe-flow app: a proxy address configured, as a deployment would have it.</summary>
public sealed class ProbeFlowsFactory : DashboardFactory
{
    public const string ProxyIp = "127.0.0.53";

    public ProbeFlowsFactory() => Settings["ProbeFlows:ProxyIp"] = ProxyIp;
}

/// <summary>Seed 000: create, list and delete probe flows for registered agent VMs, under both prefixes, with the seed's limits.</summary>
public class ProbeFlowsApiTests(ProbeFlowsFactory factory) : IClassFixture<ProbeFlowsFactory>
{
    private static int _count;

    /// <summary>Registers an agent VM through the agent protocol and returns its instance id.</summary>
    private async Task<string> RegisterVmAsync(bool isVm = true, bool independentNetwork = true)
    {
        var n = Interlocked.Increment(ref _count);
        var instanceId = $"vm-{n:D4}-{Guid.NewGuid():N}"[..36];
        var admin = await factory.CreateAdminClientAsync();
        var (_, secret) = await AgentWire.CreateTokenAsync(admin);
        var agent = AgentWire.Client(factory.CreateClient(), secret);
        var registration = AgentWire.Registration($"flow-agent-{n}");
        (registration["vmInstanceId"], registration["isVm"], registration["independentNetwork"]) = (instanceId, isVm, independentNetwork);
        (registration["hostname"], registration["network"], registration["mac"]) = ($"vm-host-{n}", "10.1.0.7,fe80::1", "fa:16:3e:aa:bb:cc");
        using var response = await agent.PostAsync("/api/v1/agent/register", AgentWire.Json(registration));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return instanceId;
    }

    private static async Task<JsonElement> AssertAnswerAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var json = await response.JsonAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {json}");
        Assert.Equal(status == HttpStatusCode.OK, json.GetProperty("success").GetBoolean());
        if (status != HttpStatusCode.OK) Assert.False(string.IsNullOrEmpty(json.GetProperty("message").GetString()));
        return json;
    }

    [Theory]
    [InlineData("/knapsack", "/cpcloud")]
    [InlineData("/cpcloud", "/knapsack")]
    public async Task A_flow_created_for_a_registered_vm_is_listed_with_the_seeds_fields_and_deleted(string createPrefix, string otherPrefix)
    {
        var instanceId = await RegisterVmAsync();
        var client = await factory.CreateClientAsync(UserRole.Operator);

        using var created = await client.PostAsync($"{createPrefix}/probe/flows", AgentWire.Json(new { instance_id = instanceId }));
        var flow = (await AssertAnswerAsync(created, HttpStatusCode.OK)).GetProperty("data");
        Assert.Equal(
            ["id", "instance_id", "instance_name", "instance_ip", "instance_mac", "instance_port", "host", "proxy_ip"],
            flow.EnumerateObject().Select(p => p.Name));
        Assert.Equal(36, flow.GetProperty("id").GetString()!.Length);
        Assert.Equal((instanceId, "10.1.0.7", "fa:16:3e:aa:bb:cc", "port-1", "compute-07", ProbeFlowsFactory.ProxyIp),
            (flow.GetProperty("instance_id").GetString(), flow.GetProperty("instance_ip").GetString(), flow.GetProperty("instance_mac").GetString(),
             flow.GetProperty("instance_port").GetString(), flow.GetProperty("host").GetString(), flow.GetProperty("proxy_ip").GetString()));
        Assert.StartsWith("vm-host-", flow.GetProperty("instance_name").GetString());

        using var listed = await client.GetAsync($"{otherPrefix}/probe/flows?instance_id={instanceId}");
        var item = Assert.Single((await AssertAnswerAsync(listed, HttpStatusCode.OK)).GetProperty("data").EnumerateArray());
        Assert.Equal(
            ["id", "instance_id", "instance_name", "instance_ip", "instance_mac", "instance_port", "phy_node", "proxy_ip"],
            item.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("compute-07", flow.GetProperty("id").GetString()), (item.GetProperty("phy_node").GetString(), item.GetProperty("id").GetString()));
        using var all = await client.GetAsync($"{createPrefix}/probe/flows");
        Assert.Contains(instanceId, (await all.JsonAsync()).GetProperty("data").EnumerateArray().Select(f => f.GetProperty("instance_id").GetString()));

        await AssertAnswerAsync(await client.PostAsync($"{otherPrefix}/probe/flows/{instanceId}", null), HttpStatusCode.OK);
        using var gone = await client.GetAsync($"{createPrefix}/probe/flows?instance_id={instanceId}");
        Assert.Empty((await gone.JsonAsync()).GetProperty("data").EnumerateArray());
        await AssertAnswerAsync(await client.PostAsync($"{createPrefix}/probe/flows/{instanceId}", null), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_seeds_limits_are_refused_with_a_clear_message()
    {
        var client = await factory.CreateClientAsync(UserRole.Operator);
        async Task<string> RefusedAsync(object body, HttpStatusCode status)
        {
            using var response = await client.PostAsync("/knapsack/probe/flows", AgentWire.Json(body));
            return (await AssertAnswerAsync(response, status)).GetProperty("message").GetString()!;
        }

        Assert.Contains("physical", await RefusedAsync(new { instance_id = await RegisterVmAsync(isVm: false) }, HttpStatusCode.BadRequest));
        Assert.Contains("independent network", await RefusedAsync(new { instance_id = await RegisterVmAsync(independentNetwork: false) }, HttpStatusCode.BadRequest));
        Assert.Contains("not a registered agent", await RefusedAsync(new { instance_id = "no-such-vm" }, HttpStatusCode.NotFound));
        Assert.Contains("instance_id", await RefusedAsync(new { }, HttpStatusCode.BadRequest));

        var instanceId = await RegisterVmAsync();
        using var form = await client.PostAsync("/knapsack/probe/flows", new FormUrlEncodedContent([KeyValuePair.Create("instance_id", instanceId)]));
        await AssertAnswerAsync(form, HttpStatusCode.OK);
        Assert.Contains("already", await RefusedAsync(new { instance_id = instanceId }, HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task Callers_need_a_bearer_token_with_the_right_permission()
    {
        var instanceId = await RegisterVmAsync();
        using var anonymous = factory.CreateClient();
        await AssertAnswerAsync(await anonymous.GetAsync("/cpcloud/probe/flows"), HttpStatusCode.Unauthorized);
        await AssertAnswerAsync(await anonymous.PostAsync("/knapsack/probe/flows", AgentWire.Json(new { instance_id = instanceId })), HttpStatusCode.Unauthorized);
        using var forged = factory.CreateBearerClient("not-a-token");
        await AssertAnswerAsync(await forged.GetAsync("/cpcloud/probe/flows"), HttpStatusCode.Unauthorized);

        var viewer = await factory.CreateClientAsync(UserRole.Viewer);
        await AssertAnswerAsync(await viewer.GetAsync("/cpcloud/probe/flows"), HttpStatusCode.OK);
        await AssertAnswerAsync(await viewer.PostAsync("/knapsack/probe/flows", AgentWire.Json(new { instance_id = instanceId })), HttpStatusCode.Forbidden);
        await AssertAnswerAsync(await viewer.PostAsync($"/cpcloud/probe/flows/{instanceId}", null), HttpStatusCode.Forbidden);
    }
}
