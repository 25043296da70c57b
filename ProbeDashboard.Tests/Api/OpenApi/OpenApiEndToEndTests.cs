using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.OpenApi;

/// <summary>
/// An open-API client creates tasks against a real Kestrel target on 127.0.0.1; the app's own scheduler probes them
/// and the client reads realtime state and hourly results back through the open API.
/// </summary>
public sealed class OpenApiEndToEndTests : AppWithTargetTests
{
    public OpenApiEndToEndTests() : base(schedulerRunning: true) => App.Settings["OpenApi:TaskIntervalSeconds"] = "2";

    [Fact]
    public async Task A_task_created_through_the_open_api_is_probed_and_its_results_read_back()
    {
        var client = await OpenApiAppFixture.CreateClientAsync(App);
        var up = await OpenApiAppFixture.CreateTaskAsync(client, Target.Url("/ok").ToString(), "up");
        var down = await OpenApiAppFixture.CreateTaskAsync(client, $"http://127.0.0.1:{TargetServer.ClosedPort()}/ok", "down");

        // Wait on the stored state (each signed call may be sent once, so the API is not polled), then read it back.
        await WaitForStatusAsync(up, MonitorStatus.Online);
        var data = (await client.GetAsync($"/openapi/v1/task/{up}/realtime_res/")).AssertOk().Data;
        Assert.Equal(0, data.GetProperty("status").GetInt32());
        Assert.True(data.GetProperty("avg_resp_time").GetDouble() > 0);
        var node = Assert.Single(data.GetProperty("node_resp").EnumerateObject());
        Assert.True(node.Value.GetDouble() > 0, node.ToString());

        await WaitForStatusAsync(down, MonitorStatus.Offline);
        Assert.Equal(2, (await client.GetAsync($"/openapi/v1/task/{down}/realtime_res/")).AssertOk().Data.GetProperty("status").GetInt32());

        var hours = (await client.GetAsync($"/openapi/v1/task/{up}/result/", ("avg_resp_time", "0"), ("usable_rate", "0"), ("error_percent", "7")))
            .AssertOk().Data;
        Assert.Contains(hours.GetProperty("avg_resp_time").EnumerateArray(), h => h.GetProperty("value").ValueKind == JsonValueKind.Number);
        Assert.Contains(hours.GetProperty("usable_rate").EnumerateArray(), h => h.GetProperty("value").ValueKind == JsonValueKind.Number);
        Assert.All(hours.GetProperty("usable_rate").EnumerateArray().Where(h => h.GetProperty("value").ValueKind == JsonValueKind.Number),
            h => Assert.Equal(1.0, h.GetProperty("value").GetDouble()));
        Assert.Equal(0.0, hours.GetProperty("error_percent").GetDouble());

        var summary = (await client.GetAsync("/openapi/v1/task/user_summary/")).AssertOk().Data;
        Assert.Contains(up, summary.GetProperty("0").EnumerateArray().Select(t => t.GetString()));
        Assert.Contains(down, summary.GetProperty("2").EnumerateArray().Select(t => t.GetString()));
    }

    private Task WaitForStatusAsync(string tid, MonitorStatus status) => Eventually.TrueAsync(async () =>
    {
        await using var db = Db();
        return await db.OpenApiTasks.Where(t => t.Tid == tid).Join(db.Monitors, t => t.MonitorId, m => m.Id, (t, m) => m.Current.Status)
            .SingleAsync() == status;
    }, $"task {tid} to be {status}", timeoutMs: 30_000);
}
