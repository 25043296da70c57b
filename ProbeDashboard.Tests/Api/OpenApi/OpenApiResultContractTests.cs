using System.Net;
using System.Text.Json;
using ProbeDashboard.Core.Hosts;
using ProbeDashboard.Core.Results;

namespace ProbeDashboard.Tests.Api.OpenApi;

/// <summary>
/// Seed 004 result endpoints read what the result pipeline stored: hourly latency and availability (today,
/// yesterday), the 7-day error share, realtime state per probe host, many tasks at once, and the per-state summary.
/// </summary>
public sealed class OpenApiResultContractTests(OpenApiAppFixture fixture) : IClassFixture<OpenApiAppFixture>
{
    [Fact]
    public async Task Result_reports_hourly_latency_and_availability_and_the_error_share()
    {
        var client = await fixture.CreateClientAsync();
        var tid = await OpenApiAppFixture.CreateTaskAsync(client, "http://127.0.0.1:9/result");
        var (monitorId, host) = (await fixture.MonitorIdAsync(tid), await fixture.ServerHostIdAsync());
        var now = DateTime.UtcNow;
        await fixture.WriteResultsAsync(
            Result(monitorId, host, now, true, 100), Result(monitorId, host, now, true, 200),
            Result(monitorId, host, now, false, 0), Result(monitorId, host, now, true, 300),
            Result(monitorId, host, now.AddDays(-1), false, 0));

        var data = (await client.GetAsync($"/openapi/v1/task/{tid}/result/", ("avg_resp_time", "0"), ("usable_rate", "1"), ("error_percent", "7")))
            .AssertOk().Data;
        var today = data.GetProperty("avg_resp_time").EnumerateArray().ToList();
        Assert.Equal(now.Hour + 1, today.Count);
        Assert.Equal(["time", "value"], today[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(now.ToString("yyyy-MM-dd") + " 00:00", today[0].GetProperty("time").GetString());
        var thisHour = today.Single(h => h.GetProperty("time").GetString() == now.ToString("yyyy-MM-dd HH:00"));
        Assert.Equal(200.0, thisHour.GetProperty("value").GetDouble());
        Assert.All(today.Where(h => h.GetProperty("time").GetString() != now.ToString("yyyy-MM-dd HH:00")),
            h => Assert.Equal(JsonValueKind.Null, h.GetProperty("value").ValueKind));

        var yesterday = data.GetProperty("usable_rate").EnumerateArray().ToList();
        Assert.Equal(24, yesterday.Count);
        var failedHour = now.AddDays(-1).ToString("yyyy-MM-dd HH:00");
        Assert.Equal(0.0, yesterday.Single(h => h.GetProperty("time").GetString() == failedHour).GetProperty("value").GetDouble());
        Assert.Equal(0.4, data.GetProperty("error_percent").GetDouble());
    }

    [Fact]
    public async Task Result_asks_for_at_least_one_known_figure()
    {
        var client = await fixture.CreateClientAsync();
        var tid = await OpenApiAppFixture.CreateTaskAsync(client, "http://127.0.0.1:9/figures");
        (await client.GetAsync($"/openapi/v1/task/{tid}/result/")).AssertError(10001, HttpStatusCode.BadRequest);
        (await client.GetAsync($"/openapi/v1/task/{tid}/result/", ("avg_resp_time", "7"))).AssertError(10001, HttpStatusCode.BadRequest);
        (await client.GetAsync($"/openapi/v1/task/{tid}/result/", ("usable_rate", "x"))).AssertError(10001, HttpStatusCode.BadRequest);
        var empty = (await client.GetAsync($"/openapi/v1/task/{tid}/result/", ("error_percent", "0"))).AssertOk().Data;
        Assert.Equal(JsonValueKind.Null, empty.GetProperty("error_percent").ValueKind);
        Assert.False(empty.TryGetProperty("usable_rate", out _));
    }

    [Fact]
    public async Task Realtime_is_unknown_before_a_round_normal_when_all_hosts_answer_warning_when_one_fails_fault_when_down()
    {
        var client = await fixture.CreateClientAsync();
        var tid = await OpenApiAppFixture.CreateTaskAsync(client, "http://127.0.0.1:9/realtime");
        var path = $"/openapi/v1/task/{tid}/realtime_res/";
        var (monitorId, server) = (await fixture.MonitorIdAsync(tid), await fixture.ServerHostIdAsync());
        var agent = await AgentHostAsync("成都市电信");

        var unknown = (await client.GetAsync(path)).AssertOk().Data;
        Assert.Equal(["status", "avg_resp_time", "node_resp"], unknown.EnumerateObject().Select(p => p.Name));
        Assert.Equal((3, 0.0, 0), (unknown.GetProperty("status").GetInt32(), unknown.GetProperty("avg_resp_time").GetDouble(),
            unknown.GetProperty("node_resp").EnumerateObject().Count()));

        await fixture.WriteResultsAsync(Result(monitorId, server, DateTime.UtcNow, true, 183.25), Result(monitorId, agent, DateTime.UtcNow, true, 187.25));
        var normal = (await client.GetAsync(path)).AssertOk().Data;
        Assert.Equal((0, 185.25), (normal.GetProperty("status").GetInt32(), normal.GetProperty("avg_resp_time").GetDouble()));
        Assert.Equal(187.25, normal.GetProperty("node_resp").GetProperty("成都市电信").GetDouble());
        Assert.Equal(2, normal.GetProperty("node_resp").EnumerateObject().Count());

        await fixture.WriteResultsAsync(Result(monitorId, agent, DateTime.UtcNow, false, 0));
        var warning = (await client.GetAsync(path)).AssertOk().Data;
        Assert.Equal((1, 183.25, 0.0), (warning.GetProperty("status").GetInt32(), warning.GetProperty("avg_resp_time").GetDouble(),
            warning.GetProperty("node_resp").GetProperty("成都市电信").GetDouble()));

        for (var i = 0; i < 3; i++)
            await fixture.WriteResultsAsync(Result(monitorId, server, DateTime.UtcNow, false, 0), Result(monitorId, agent, DateTime.UtcNow, false, 0));
        Assert.Equal(2, (await client.GetAsync(path)).AssertOk().Data.GetProperty("status").GetInt32());

        (await client.PostAsync($"/openapi/v1/task/{tid}/switch/", ("action", "stop"))).AssertOk();
        (await client.GetAsync(path)).AssertError(20002, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Multi_realtime_keys_each_owned_task_by_tid_and_summary_groups_tids_by_state()
    {
        var client = await fixture.CreateClientAsync();
        var up = await OpenApiAppFixture.CreateTaskAsync(client, "http://127.0.0.1:9/up");
        var down = await OpenApiAppFixture.CreateTaskAsync(client, "http://127.0.0.1:9/down");
        var fresh = await OpenApiAppFixture.CreateTaskAsync(client, "http://127.0.0.1:9/fresh");
        var foreign = await OpenApiAppFixture.CreateTaskAsync(await fixture.CreateClientAsync(), "http://127.0.0.1:9/foreign");
        var server = await fixture.ServerHostIdAsync();
        var (upId, downId) = (await fixture.MonitorIdAsync(up), await fixture.MonitorIdAsync(down));
        for (var i = 0; i < 3; i++)
            await fixture.WriteResultsAsync(Result(upId, server, DateTime.UtcNow, true, 50), Result(downId, server, DateTime.UtcNow, false, 0));

        var data = (await client.PostAsync("/openapi/v1/task/multi_realtime_res/", ("tids", up), ("tids", down), ("tids", fresh), ("tids", foreign)))
            .AssertOk().Data;
        Assert.Equal(new[] { up, down, fresh }.Order(), data.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal((0, 2, 3), (data.GetProperty(up).GetProperty("status").GetInt32(), data.GetProperty(down).GetProperty("status").GetInt32(),
            data.GetProperty(fresh).GetProperty("status").GetInt32()));
        var listed = (await client.PostAsync("/openapi/v1/task/multi_realtime_res/", ("tids", $"['{up}', '{down}']"))).AssertOk().Data;
        Assert.Equal(2, listed.EnumerateObject().Count());
        (await client.PostAsync("/openapi/v1/task/multi_realtime_res/")).AssertError(10001, HttpStatusCode.BadRequest);

        var summary = (await client.GetAsync("/openapi/v1/task/user_summary/")).AssertOk().Data;
        Assert.Equal(["0", "1", "2", "3"], summary.EnumerateObject().Select(p => p.Name));
        Assert.Equal([up], Tids(summary, "0"));
        Assert.Empty(Tids(summary, "1"));
        Assert.Equal([down], Tids(summary, "2"));
        Assert.Equal([fresh], Tids(summary, "3"));
    }

    private static List<string?> Tids(JsonElement summary, string state) =>
        summary.GetProperty(state).EnumerateArray().Select(t => t.GetString()).ToList();

    private Task<int> AgentHostAsync(string name) => fixture.App.WithDbAsync(async db =>
    {
        var host = new ProbeHost { Name = name, Hostname = name, CreatedAt = DateTime.UtcNow };
        db.Hosts.Add(host);
        await db.SaveChangesAsync();
        return host.Id;
    });

    private static ProbeResult Result(int monitorId, int hostId, DateTime at, bool success, double latencyMs) => new()
    {
        MonitorId = monitorId,
        HostId = hostId,
        Timestamp = at,
        Success = success,
        LatencyMs = latencyMs,
        StatusCode = success ? 200 : 0,
        ErrorMessage = success ? null : "connection refused",
    };
}
