using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ProbeDashboard.Tests.Support;
using static ProbeDashboard.Tests.Support.AgentWire;

namespace ProbeDashboard.Tests.Api.Agents;

/// <summary>Where monitors run (execute_on / skip_hosts) as agents see it, and result uploads acknowledged after commit.</summary>
public class AgentTasksApiTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private sealed record Setup(HttpClient Admin, HttpClient Agent, int A, int B, int GroupId);

    private async Task<Setup> SetupAsync(string prefix)
    {
        var admin = await factory.CreateAdminClientAsync();
        var (_, secret) = await CreateTokenAsync(admin);
        var agent = Client(factory.CreateClient(), secret);
        var a = await RegisterAsync(agent, $"{prefix}-a");
        var b = await RegisterAsync(agent, $"{prefix}-b");
        var group = await admin.PostAsync("/api/v1/host-groups", ApiJson.Content(new { name = $"{prefix}-group" }));
        var groupId = (await group.JsonAsync()).GetProperty("data").GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsync($"/api/v1/hosts/{a}", ApiJson.Content(new { group_id = groupId }))).StatusCode);
        return new Setup(admin, agent, a, b, groupId);
    }

    private static async Task<int> MonitorAsync(HttpClient admin, string name, object executeOn, int[]? skip = null)
    {
        using var response = await admin.PostAsync("/api/v1/service-monitors", ApiJson.Content(new Dictionary<string, object?>
        {
            ["name"] = name, ["type"] = 2, ["target"] = "127.0.0.1:9", ["duration"] = 30, ["execute_on"] = executeOn, ["skip_hosts"] = skip ?? [],
        }));
        var json = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, json.ToString());
        return json.GetProperty("data").GetProperty("id").GetInt32();
    }

    private static async Task<(HttpResponseMessage Response, JsonElement? Data)> TasksAsync(HttpClient agent, int agentId, string? etag = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/agent/tasks?agentId={agentId}");
        if (etag is not null) request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(etag));
        var response = await agent.SendAsync(request);
        return (response, response.StatusCode == HttpStatusCode.OK ? (await response.JsonAsync()).GetProperty("data") : null);
    }

    private static int[] MonitorIds(JsonElement data) => [.. data.GetProperty("monitors").EnumerateArray().Select(m => m.GetProperty("id").GetInt32())];

    [Fact]
    public async Task Each_agent_gets_exactly_the_monitors_placed_on_it()
    {
        var s = await SetupAsync("placement");
        var everywhere = await MonitorAsync(s.Admin, "everywhere", new { type = "all" });
        var onGroup = await MonitorAsync(s.Admin, "on the group", new { type = "group", group_id = s.GroupId });
        var onB = await MonitorAsync(s.Admin, "on b", new { type = "hosts", host_ids = new[] { s.B } });
        var skipA = await MonitorAsync(s.Admin, "all but a", new { type = "all" }, skip: [s.A]);

        var (_, forA) = await TasksAsync(s.Agent, s.A);
        var (_, forB) = await TasksAsync(s.Agent, s.B);
        var mine = new[] { everywhere, onGroup, onB, skipA };
        Assert.Equal([everywhere, onGroup], MonitorIds(forA!.Value).Intersect(mine));
        Assert.Equal([everywhere, onB, skipA], MonitorIds(forB!.Value).Intersect(mine));
        var task = forA.Value.GetProperty("monitors").EnumerateArray().Single(m => m.GetProperty("id").GetInt32() == everywhere);
        Assert.Equal((2, "127.0.0.1:9", 30), (task.GetProperty("type").GetInt32(), task.GetProperty("target").GetString(), task.GetProperty("interval").GetInt32()));
    }

    [Fact]
    public async Task The_task_list_answers_304_until_something_changes()
    {
        var s = await SetupAsync("etag");
        var (first, _) = await TasksAsync(s.Agent, s.B);
        var etag = first.Headers.ETag!.ToString();

        var (unchanged, _) = await TasksAsync(s.Agent, s.B, etag);
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);

        var id = await MonitorAsync(s.Admin, "new for b", new { type = "hosts", host_ids = new[] { s.B } });
        var (changed, data) = await TasksAsync(s.Agent, s.B, etag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag!.ToString());
        Assert.Contains(id, MonitorIds(data!.Value));

        var (unknown, _) = await TasksAsync(s.Agent, 99999);
        await AssertErrorAsync(unknown, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Uploaded_results_are_committed_before_the_answer_and_carry_the_agent_as_host()
    {
        var s = await SetupAsync("upload");
        var monitor = await MonitorAsync(s.Admin, "uploaded", new { type = "all" });
        var at = DateTime.UtcNow.AddSeconds(-5);
        var results = Enumerable.Range(0, 50).Select(i => new
        {
            monitorId = monitor, timestamp = at.AddMilliseconds(i), success = i % 10 != 0, latencyMs = 12.5 + i, statusCode = 0,
            errorMessage = i % 10 == 0 ? "connection refused" : null,
        }).ToArray();

        using var response = await s.Agent.PostAsync("/api/v1/agent/results", Json(new { agentId = s.A, results }));
        var json = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, json.ToString());
        Assert.Equal(50, json.GetProperty("data").GetProperty("accepted").GetInt32());

        // No waiting: the answer came after the commit.
        var history = (await (await s.Admin.GetAsync($"/api/v1/service-monitors/{monitor}/probe-history?limit=1000")).JsonAsync()).GetProperty("data");
        Assert.Equal(50, history.GetArrayLength());
        Assert.All(history.EnumerateArray(), r => Assert.Equal((s.A, "upload-a"), (r.GetProperty("host_id").GetInt32(), r.GetProperty("host_name").GetString())));
        Assert.Equal(5, history.EnumerateArray().Count(r => !r.GetProperty("success").GetBoolean()));

        async Task<int> TotalFromAsync(int hostId) =>
            (await (await s.Admin.GetAsync($"/api/v1/service-monitors/{monitor}/availability?period=day&host_id={hostId}")).JsonAsync())
            .GetProperty("data").EnumerateArray().Sum(p => p.GetProperty("total_probes").GetInt32());
        Assert.Equal((50, 0), (await TotalFromAsync(s.A), await TotalFromAsync(s.B)));
    }

    [Fact]
    public async Task A_batch_resent_after_a_lost_answer_is_stored_once_and_new_results_beside_it_are_kept()
    {
        var s = await SetupAsync("resend");
        var monitor = await MonitorAsync(s.Admin, "resent", new { type = "all" });
        var at = DateTime.UtcNow.AddSeconds(-5);
        object Result(int i) => new { monitorId = monitor, timestamp = at.AddSeconds(i), success = true, latencyMs = 3.0 + i };

        using var first = await s.Agent.PostAsync("/api/v1/agent/results", Json(new { agentId = s.A, results = new[] { Result(0), Result(1) } }));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        // The agent never saw the answer: it resends the batch, with a newer result added.
        using var again = await s.Agent.PostAsync("/api/v1/agent/results", Json(new { agentId = s.A, results = new[] { Result(0), Result(1), Result(2) } }));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);

        var history = (await (await s.Admin.GetAsync($"/api/v1/service-monitors/{monitor}/probe-history?limit=100")).JsonAsync()).GetProperty("data");
        Assert.Equal([5.0, 4.0, 3.0], history.EnumerateArray().Select(r => Math.Round(r.GetProperty("latency").GetDouble() * 1000, 1)));
    }

    [Theory]
    [InlineData("{\"agentId\": 0, \"results\": []}", "agentId")]
    [InlineData("{\"agentId\": 1}", "results")]
    [InlineData("{\"agentId\": 1, \"results\": [{\"monitorId\": 0, \"timestamp\": \"2025-10-07T10:05:00Z\"}]}", "monitorId")]
    [InlineData("{\"agentId\": 1, \"results\": [{\"monitorId\": 1}]}", "timestamp")]
    [InlineData("{\"agentId\": 1, \"results\": [{\"monitorId\": 1, \"timestamp\": \"2025-10-07T10:05:00Z\", \"latencyMs\": -1}]}", "latencyMs")]
    public async Task Bad_result_batches_are_400_and_nothing_is_stored(string body, string mentioned)
    {
        var s = await SetupAsync($"bad-{Math.Abs(body.GetHashCode())}");
        using var response = await s.Agent.PostAsync("/api/v1/agent/results", ApiJson.Raw(body.Replace("\"agentId\": 1", $"\"agentId\": {s.A}")));
        Assert.Contains(mentioned, await AssertErrorAsync(response, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Results_of_an_unknown_agent_are_404()
    {
        var s = await SetupAsync("unknown-results");
        var body = new { agentId = 99999, results = new[] { new { monitorId = 1, timestamp = DateTime.UtcNow, success = true, latencyMs = 1.0 } } };
        using var response = await s.Agent.PostAsync("/api/v1/agent/results", Json(body));
        await AssertErrorAsync(response, HttpStatusCode.NotFound);
    }
}
