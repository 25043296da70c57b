using System.Text.Json;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Integration.Agents;

/// <summary>
/// Flap control on a real agent process: an hourly monitor placed only on the agent, failing against 127.0.0.1, is
/// retried at its 2 s retry_interval until fail_threshold (3), which the server counts as three rounds; then the agent
/// goes back to the hour while a 2 s companion monitor on the same agent keeps reporting.
/// </summary>
[Trait("Category", "Integration")]
public sealed class AgentFlapProcessTests : IAsyncLifetime
{
    private TargetServer _target = null!;

    public async Task InitializeAsync() => _target = await TargetServer.StartAsync();

    public async Task DisposeAsync() => await _target.DisposeAsync();

    [Fact]
    public async Task An_agent_retries_a_failing_monitor_at_its_retry_interval_until_the_threshold_then_waits_its_interval()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var ct = cts.Token;
        await using var cluster = await AgentCluster.StartAsync(ct);
        var agent = cluster.StartAgent("flap-agent");
        var agentId = await cluster.EventuallyAsync(async () =>
                (await cluster.GetAsync("api/v1/hosts?page_size=500", ct)).GetProperty("items").EnumerateArray()
                .Where(h => h.GetProperty("name").GetString() == "flap-agent" && h.GetProperty("status").GetString() == "online")
                .Select(h => (int?)h.GetProperty("id").GetInt32()).FirstOrDefault(),
            id => id is not null, TimeSpan.FromSeconds(60), "the agent online", ct);
        // Created after the agent's first (empty) task list, the hourly monitor is a new task: probed at once.
        await cluster.WaitForFirstTaskListAsync(agent, ct);

        var onAgent = new { type = "hosts", host_ids = new[] { agentId!.Value } };
        var flapping = await CreateAsync(cluster, new Dictionary<string, object?>
        {
            ["name"] = "flapping on the agent", ["type"] = 1, ["target"] = _target.Url("/status/503").ToString(), ["duration"] = 3600,
            ["timeout"] = 1, ["retry_interval"] = 2, ["fail_threshold"] = 3, ["execute_on"] = onAgent,
        }, ct);
        var companion = await CreateAsync(cluster, new Dictionary<string, object?>
        {
            ["name"] = "agent clock", ["type"] = 1, ["target"] = _target.Url("/ok").ToString(), ["duration"] = 2, ["timeout"] = 1,
            ["execute_on"] = onAgent,
        }, ct);

        // Only retries at 2 s bring three rounds: after the probe made at once the next hourly fire is 45 minutes away at least.
        var failures = await cluster.EventuallyAsync(() => ResultsAsync(cluster, flapping, ct)!, rows => rows!.Count >= 3,
            TimeSpan.FromSeconds(60), "three results of the flapping monitor", ct);
        Assert.All(failures, r => Assert.Equal((agentId.Value, false), (r.GetProperty("host_id").GetInt32(), r.GetProperty("success").GetBoolean())));
        await cluster.EventuallyAsync(async () => (await cluster.GetAsync($"api/v1/service-monitors/{flapping}", ct)).GetProperty("consecutive_failures").GetInt32(),
            n => n == 3, TimeSpan.FromSeconds(30), "the server counting three failed rounds", ct);

        // Five more companion rounds (10 s at least) on the same agent: a 2 s retry rhythm would have fired five times meanwhile.
        var companionBefore = (await ResultsAsync(cluster, companion, ct)).Count;
        await cluster.EventuallyAsync(async () => (await ResultsAsync(cluster, companion, ct)).Count, n => n >= companionBefore + 5,
            TimeSpan.FromSeconds(60), "five more rounds of the companion monitor", ct);
        Assert.Equal(3, (await ResultsAsync(cluster, flapping, ct)).Count);
    }

    private static async Task<int> CreateAsync(AgentCluster cluster, Dictionary<string, object?> monitor, CancellationToken ct) =>
        (await cluster.SendAsync(HttpMethod.Post, "api/v1/service-monitors", monitor, ct)).GetProperty("data").GetProperty("id").GetInt32();

    private static async Task<List<JsonElement>> ResultsAsync(AgentCluster cluster, int monitorId, CancellationToken ct) =>
        [.. (await cluster.GetAsync($"api/v1/service-monitors/{monitorId}/probe-history?limit=1000", ct)).EnumerateArray()];
}
