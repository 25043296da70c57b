using System.Text.Json;
using ProbeDashboard.Core.Agents.Runtime;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Integration.Agents;

/// <summary>
/// The real server and real agent processes of the built binary on 127.0.0.1: registration, heartbeats as host
/// metrics, monitors running only where execute_on/skip_hosts place them, stop and start, and a server killed in the
/// middle of uploads losing nothing.
/// </summary>
[Trait("Category", "Integration")]
public sealed class AgentProcessTests : IAsyncLifetime
{
    private TargetServer _target = null!;

    public async Task InitializeAsync() => _target = await TargetServer.StartAsync();

    public async Task DisposeAsync() => await _target.DisposeAsync();

    private static async Task<Dictionary<string, JsonElement>> HostsAsync(AgentCluster cluster, CancellationToken ct) =>
        (await cluster.GetAsync("api/v1/hosts?page_size=500", ct)).GetProperty("items").EnumerateArray()
            .ToDictionary(h => h.GetProperty("name").GetString()!);

    private async Task<int> MonitorAsync(AgentCluster cluster, string name, object executeOn, int[] skip, CancellationToken ct)
    {
        var json = await cluster.SendAsync(HttpMethod.Post, "api/v1/service-monitors", new Dictionary<string, object?>
        {
            ["name"] = name, ["type"] = 1, ["target"] = _target.Url("/ok").ToString(), ["duration"] = 2, ["timeout"] = 1,
            ["execute_on"] = executeOn, ["skip_hosts"] = skip,
        }, ct);
        return json.GetProperty("data").GetProperty("id").GetInt32();
    }

    private static async Task<List<(int HostId, DateTime At)>> HistoryAsync(AgentCluster cluster, int monitorId, CancellationToken ct, int? hostId = null) =>
        [.. (await cluster.GetAsync($"api/v1/service-monitors/{monitorId}/probe-history?limit=1000{(hostId is null ? "" : $"&host_id={hostId}")}", ct))
            .EnumerateArray().Select(r => (r.GetProperty("host_id").GetInt32(), r.GetProperty("timestamp").GetDateTime().ToUniversalTime()))];

    [Fact]
    public async Task Agents_register_send_metrics_run_only_their_monitors_and_obey_stop_and_start()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var ct = cts.Token;
        await using var cluster = await AgentCluster.StartAsync(ct);
        var agentA = cluster.StartAgent("agent-a");
        cluster.StartAgent("agent-b");

        var hosts = await cluster.EventuallyAsync(() => HostsAsync(cluster, ct)!,
            h => h is not null && new[] { "agent-a", "agent-b" }.All(n => h.TryGetValue(n, out var host)
                && host.GetProperty("status").GetString() == "online"
                && host.GetProperty("metrics").GetProperty("cpu_usage").ValueKind == JsonValueKind.Number),
            TimeSpan.FromSeconds(60), "both agents online with heartbeat metrics", ct);
        var (a, b) = (hosts["agent-a"].GetProperty("id").GetInt32(), hosts["agent-b"].GetProperty("id").GetInt32());
        var server = hosts.Values.Single(h => h.GetProperty("is_server").GetBoolean()).GetProperty("id").GetInt32();
        var metricsA = hosts["agent-a"].GetProperty("metrics");
        Assert.InRange(metricsA.GetProperty("mem_usage").GetDouble(), 0.01, 100);
        Assert.InRange(metricsA.GetProperty("disk_usage").GetDouble(), 0.01, 100);
        Assert.Equal(JsonValueKind.Number, metricsA.GetProperty("load").ValueKind);
        Assert.True((await cluster.GetAsync($"api/v1/hosts/{a}/metrics", ct)).GetArrayLength() >= 1);

        var created = (await cluster.SendAsync(HttpMethod.Post, "api/v1/alert-rules", new
        {
            name = "agent a is alive", enable = true, type = "host_monitor", target_ids = new[] { a }, condition = "cpu_usage > -1",
            duration = 2, alert_level = "warning", silence_period = 600,
        }, ct)).GetProperty("data");
        var rule = created.GetProperty("id").GetInt32();
        // The server's own time of creation: a client clock read after a slow answer would be late.
        var ruleCreated = created.GetProperty("created_at").GetDateTime().ToUniversalTime();
        var fired = await cluster.EventuallyAsync(
            async () => (await cluster.GetAsync($"api/v1/alert-events?alert_rule_id={rule}&status=firing", ct)).GetProperty("items").EnumerateArray().ToList(),
            events => events!.Count > 0, TimeSpan.FromSeconds(30), "the host_monitor rule to fire from agent a's heartbeats", ct);
        var firedEvent = Assert.Single(fired);
        Assert.Equal((a, "host"), (firedEvent.GetProperty("target_id").GetInt32(), firedEvent.GetProperty("target_type").GetString()));
        Assert.True(firedEvent.GetProperty("trigger_time").GetDateTime().ToUniversalTime() >= ruleCreated.AddSeconds(1.5), "held for 2 s before firing");

        var onlyA = await MonitorAsync(cluster, "only on a", new { type = "hosts", host_ids = new[] { a } }, [], ct);
        var notA = await MonitorAsync(cluster, "everywhere but a", new { type = "all" }, [a], ct);
        await cluster.EventuallyAsync(async () => (await HistoryAsync(cluster, notA, ct)).Select(r => r.HostId).ToHashSet(),
            seen => seen!.Contains(b) && seen.Contains(server), TimeSpan.FromSeconds(40), "results of 'everywhere but a' from b and the server", ct);
        await cluster.EventuallyAsync(() => HistoryAsync(cluster, onlyA, ct)!, r => r!.Count >= 3, TimeSpan.FromSeconds(40), "three results of 'only on a'", ct);

        Assert.All(await HistoryAsync(cluster, onlyA, ct), r => Assert.Equal(a, r.HostId));
        Assert.DoesNotContain(await HistoryAsync(cluster, notA, ct), r => r.HostId == a);

        await cluster.SendAsync(HttpMethod.Post, $"api/v1/hosts/{b}/stop", null, ct);
        // One poll (1 s), a round that was already running, and its upload may still land; after that, silence.
        await Task.Delay(TimeSpan.FromSeconds(4), ct);
        var whileStopped = (await HistoryAsync(cluster, notA, ct, b)).Count;
        await Task.Delay(TimeSpan.FromSeconds(5), ct);
        Assert.Equal(whileStopped, (await HistoryAsync(cluster, notA, ct, b)).Count);
        Assert.True((await HistoryAsync(cluster, notA, ct, server)).Count > 0, "the server keeps probing");

        await cluster.SendAsync(HttpMethod.Post, $"api/v1/hosts/{b}/start", null, ct);
        await cluster.EventuallyAsync(async () => (await HistoryAsync(cluster, notA, ct, b)).Count, n => n > whileStopped + 1,
            TimeSpan.FromSeconds(20), "b probing again after start", ct);

        var rejected = cluster.StartAgent("agent-with-a-bad-token", token: "pdt_wrong");
        Assert.Equal(AgentRuntime.TokenRejectedExitCode, await rejected.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains(rejected.Output, line => line.Contains("rejected the agent token"));
        Assert.Contains(agentA.Output, line => line.Contains("Registered as agent-a"));
    }

    [Fact]
    public async Task A_server_killed_during_uploads_and_restarted_loses_no_result()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var ct = cts.Token;
        await using var cluster = await AgentCluster.StartAsync(ct);
        var agent = cluster.StartAgent("agent-restart");
        var hosts = await cluster.EventuallyAsync(() => HostsAsync(cluster, ct)!, h => h!.ContainsKey("agent-restart"),
            TimeSpan.FromSeconds(60), "the agent registered", ct);
        var id = hosts["agent-restart"].GetProperty("id").GetInt32();
        var monitors = new List<int>();
        for (var i = 0; i < 3; i++) monitors.Add(await MonitorAsync(cluster, $"restart {i}", new { type = "hosts", host_ids = new[] { id } }, [], ct));
        await cluster.EventuallyAsync(() => HistoryAsync(cluster, monitors[0], ct)!, r => r!.Count >= 2, TimeSpan.FromSeconds(40), "results before the restart", ct);

        var killedAt = DateTime.UtcNow;
        await cluster.RestartServerAsync(TimeSpan.FromSeconds(8), ct);
        var restartedAt = DateTime.UtcNow;
        foreach (var monitor in monitors)
            await cluster.EventuallyAsync(() => HistoryAsync(cluster, monitor, ct)!, r => r!.Any(x => x.At > restartedAt.AddSeconds(3)),
                TimeSpan.FromSeconds(60), $"monitor {monitor} results after the restart", ct);

        foreach (var monitor in monitors)
        {
            var times = (await HistoryAsync(cluster, monitor, ct)).Select(r => r.At).Order().ToList();
            Assert.Contains(times, t => t > killedAt.AddSeconds(1) && t < restartedAt.AddSeconds(-1));
            var gaps = times.Zip(times.Skip(1), (x, y) => y - x).ToList();
            // Rounds are 2 s apart on the agent's fixed-phase schedule; one lost result leaves a 4 s gap. A result late
            // by 1.6 s (the agent busy draining its queue on a loaded machine) has been seen, so the bar is just under 4 s.
            Assert.True(gaps.Max() < TimeSpan.FromSeconds(3.9), $"monitor {monitor}: largest gap {gaps.Max()} around the restart at {killedAt:O}");
            Assert.Equal(times.Count, times.Distinct().Count());
        }
        Assert.Contains(agent.Output, line => line.Contains("Server unreachable"));
        Assert.Contains(agent.Output, line => line.Contains("draining"));
    }

    [Fact]
    public async Task With_two_agents_and_the_server_fail_threshold_counts_rounds_not_results()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var ct = cts.Token;
        await using var cluster = await AgentCluster.StartAsync(ct);
        cluster.StartAgent("round-a");
        cluster.StartAgent("round-b");
        await cluster.EventuallyAsync(() => HostsAsync(cluster, ct)!,
            h => h is not null && new[] { "round-a", "round-b" }.All(n => h.TryGetValue(n, out var host) && host.GetProperty("status").GetString() == "online"),
            TimeSpan.FromSeconds(60), "both agents online", ct);

        // 5 s rounds: an agent's upload lands well inside the round it belongs to.
        var monitor = (await cluster.SendAsync(HttpMethod.Post, "api/v1/service-monitors", new Dictionary<string, object?>
        {
            ["name"] = "down everywhere", ["type"] = 1, ["target"] = _target.Url("/status/500").ToString(), ["duration"] = 5,
            ["timeout"] = 2, ["execute_on"] = new { type = "all" }, ["enable_alert"] = true, ["fail_threshold"] = 2,
        }, ct)).GetProperty("data").GetProperty("id").GetInt32();

        var fired = await cluster.EventuallyAsync(
            async () => (await cluster.GetAsync($"api/v1/alert-events?target_type=service&target_id={monitor}", ct)).GetProperty("items")
                .EnumerateArray().FirstOrDefault(e => e.GetProperty("status").GetString() == "firing"),
            e => e.ValueKind == JsonValueKind.Object, TimeSpan.FromSeconds(60), "the monitor's down alert", ct);
        var triggeredAt = fired.GetProperty("trigger_time").GetDateTime().ToUniversalTime();
        // The message is written when the event fires, with the values that made it fire; current_value follows every
        // later round while it fires, so by the time this poll reads it, it may already say 3.
        Assert.Matches(@"consecutive_failures=2\b", fired.GetProperty("message").GetString());

        var hosts = await HostsAsync(cluster, ct);
        var server = hosts.Values.Single(h => h.GetProperty("is_server").GetBoolean()).GetProperty("id").GetInt32();
        var serverRoundsBeforeFiring = (await HistoryAsync(cluster, monitor, ct, server)).Count(r => r.At <= triggeredAt);
        Assert.True(serverRoundsBeforeFiring >= 2, $"fired after {serverRoundsBeforeFiring} round(s) of the server, not after 2");
        // On a slow machine the agents' first uploads can land after the server's second round; the rounds that
        // follow must still count once each, whatever number of hosts report in them.
        await cluster.EventuallyAsync(async () => (await HistoryAsync(cluster, monitor, ct)).Select(r => r.HostId).Distinct().Count(),
            n => n == 3, TimeSpan.FromSeconds(60), "results from the server and both agents", ct);

        // A few more rounds: the counter follows the rounds (the server probes every one), never the results (3 per round).
        var roundsWithAllHosts = (await HistoryAsync(cluster, monitor, ct, server)).Count;
        await cluster.EventuallyAsync(async () => (await HistoryAsync(cluster, monitor, ct, server)).Count, n => n >= roundsWithAllHosts + 3,
            TimeSpan.FromSeconds(60), "three more rounds with every host reporting", ct);
        var roundsBefore = (await HistoryAsync(cluster, monitor, ct, server)).Count;
        var counter = (await cluster.GetAsync($"api/v1/service-monitors/{monitor}", ct)).GetProperty("consecutive_failures").GetInt32();
        // The counter moves as results arrive; the history shows them once the writer has committed its batch, which
        // under load can be a round later. Once the next round is stored, every round the counter had seen is too.
        var roundsAfter = await cluster.EventuallyAsync(async () => (await HistoryAsync(cluster, monitor, ct, server)).Count, n => n > roundsBefore,
            TimeSpan.FromSeconds(30), "the next round stored", ct);
        Assert.InRange(counter, roundsBefore - 2, roundsAfter);
    }
}
