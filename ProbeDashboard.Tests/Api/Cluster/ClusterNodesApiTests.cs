using System.Net;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.Cluster;

/// <summary>GET /api/v1/cluster/nodes on a single server (no Cluster:Redis): this node alone, for admins only.</summary>
public class ClusterNodesApiTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task A_single_server_lists_itself_as_the_one_live_node()
    {
        using var admin = await factory.CreateAdminClientAsync();

        using var response = await admin.GetAsync("/api/v1/cluster/nodes");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var data = (await response.JsonAsync()).GetProperty("data");
        Assert.False(data.GetProperty("cluster").GetBoolean());
        Assert.Equal(30, data.GetProperty("failover_seconds").GetInt32());
        var node = Assert.Single(data.GetProperty("nodes").EnumerateArray());
        Assert.True(node.GetProperty("live").GetBoolean());
        Assert.True(node.GetProperty("self").GetBoolean());
        Assert.False(string.IsNullOrEmpty(node.GetProperty("name").GetString()));
        Assert.False(string.IsNullOrEmpty(node.GetProperty("version").GetString()));
        Assert.True(node.GetProperty("rounds_owned").GetInt32() >= 0);
        Assert.True(node.TryGetProperty("probes_per_second", out _));
        Assert.True(node.TryGetProperty("last_heartbeat", out _));
    }

    [Theory]
    [InlineData(UserRole.Viewer)]
    [InlineData(UserRole.Operator)]
    public async Task Other_roles_are_refused_in_the_envelope(UserRole role)
    {
        using var client = await factory.CreateClientAsync(role);

        using var response = await client.GetAsync("/api/v1/cluster/nodes");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(403, (await response.JsonAsync()).GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Anonymous_callers_get_401()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/api/v1/cluster/nodes");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
