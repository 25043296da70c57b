using System.Net;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Tests.Support;
using static ProbeDashboard.Tests.Support.IpLiveWire;

namespace ProbeDashboard.Tests.Api.Compat;

/// <summary>The iplive API under a configured prefix, and probe flows with no proxy configured.</summary>
public sealed class PrefixedIpLiveFactory : DashboardFactory
{
    public PrefixedIpLiveFactory() => Settings["IpLive:PathPrefix"] = "/iplive/";
}

public class CompatSettingsTests(PrefixedIpLiveFactory factory) : IClassFixture<PrefixedIpLiveFactory>
{
    [Fact]
    public async Task With_a_path_prefix_the_iplive_paths_move_under_it()
    {
        var token = await CreateAppAsync(await factory.CreateAdminClientAsync(), "prefixed");
        using var client = factory.CreateClient();
        (string, string)[] group = [("app_name", "prefixed"), ("token", token), ("group_id", "1"), ("record_ids", "1"), ("ips", "127.0.0.1")];

        await AssertCodeAsync(await PostFormAsync(client, "/iplive/operate_monitor", group), 0);
        using var atRoot = await PostFormAsync(client, "/operate_monitor", group);
        Assert.DoesNotContain("\"code\"", await atRoot.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Without_a_configured_proxy_creating_a_flow_is_refused_as_unavailable()
    {
        var client = await factory.CreateClientAsync(UserRole.Operator);
        using var response = await client.PostAsync("/knapsack/probe/flows", AgentWire.Json(new { instance_id = "any" }));
        var json = await response.JsonAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.False(json.GetProperty("success").GetBoolean());
        Assert.Contains("ProbeFlows:ProxyIp", json.GetProperty("message").GetString());
    }
}
