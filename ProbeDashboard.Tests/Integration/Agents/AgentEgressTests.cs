using System.Text.Json;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Integration.Agents;

/// <summary>
/// An agent applies the egress policy of its own configuration, not the server's: with the strict profile set in
/// its environment it refuses a loopback target the server (default profile) probes fine.
/// </summary>
[Trait("Category", "Integration")]
public sealed class AgentEgressTests : IAsyncLifetime
{
    private TargetServer _target = null!;

    public async Task InitializeAsync() => _target = await TargetServer.StartAsync();

    public async Task DisposeAsync() => await _target.DisposeAsync();

    [Fact]
    public async Task A_strict_agent_reports_its_loopback_probes_as_blocked_while_the_server_probes_them()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var ct = cts.Token;
        await using var cluster = await AgentCluster.StartAsync(ct);
        cluster.StartAgent("fenced", settings: new Dictionary<string, string> { ["Egress__Probes__Profile"] = "Strict" });
        var agentId = await cluster.EventuallyAsync(async () =>
                (await cluster.GetAsync("api/v1/hosts?page_size=500", ct)).GetProperty("items").EnumerateArray()
                .Where(h => h.GetProperty("name").GetString() == "fenced" && h.GetProperty("status").GetString() == "online")
                .Select(h => (int?)h.GetProperty("id").GetInt32()).FirstOrDefault(),
            id => id is not null, TimeSpan.FromSeconds(150), "the agent online", ct);

        var monitorId = (await cluster.SendAsync(HttpMethod.Post, "api/v1/service-monitors", new Dictionary<string, object?>
        {
            ["name"] = "loopback", ["type"] = 1, ["target"] = _target.Url("/ok").ToString(), ["duration"] = 2, ["timeout"] = 1,
            ["execute_on"] = new { type = "all" },
        }, ct)).GetProperty("data").GetProperty("id").GetInt32();

        var history = await cluster.EventuallyAsync(
            async () => (await cluster.GetAsync($"api/v1/service-monitors/{monitorId}/probe-history?limit=1000", ct)).EnumerateArray().ToList(),
            rows => rows!.Any(r => r.GetProperty("host_id").GetInt32() == agentId) && rows!.Any(r => r.GetProperty("host_id").GetInt32() != agentId),
            TimeSpan.FromSeconds(150), "results from the agent and the server", ct);

        Assert.All(history.Where(r => r.GetProperty("host_id").GetInt32() == agentId), r =>
        {
            Assert.False(r.GetProperty("success").GetBoolean());
            Assert.Equal("blocked by egress policy: 127.0.0.1", r.GetProperty("error_message").GetString());
        });
        Assert.All(history.Where(r => r.GetProperty("host_id").GetInt32() != agentId), r => Assert.True(r.GetProperty("success").GetBoolean()));
    }
}
