using System.Net;
using Microsoft.EntityFrameworkCore;

namespace ProbeDashboard.Tests.Api.OpenApi;

/// <summary>
/// Seed 004 task endpoints (create, list, switch, delete) with their parameter tables and error codes. Tasks are
/// ordinary monitors: they show in the dashboard with their origin and obey its enable switch.
/// </summary>
public sealed class OpenApiTaskContractTests(OpenApiAppFixture fixture) : IClassFixture<OpenApiAppFixture>
{
    private const string Create = "/openapi/v1/task/create/";
    private const string List = "/openapi/v1/task/list/";

    [Fact]
    public async Task Create_answers_the_seeds_shape_and_makes_a_dashboard_monitor_tagged_with_its_origin()
    {
        var client = await fixture.CreateClientAsync(name: "owner@example.com");
        var answer = (await client.PostAsync(Create, ("name", "test"), ("type", "HTTP"), ("url", "http://127.0.0.1:9/"), ("server_ip", "127.0.0.1"))).AssertOk();
        Assert.Equal("创建监控任务成功", answer.Body.GetProperty("msg").GetString());
        var tid = answer.Data.GetProperty("tid").GetString()!;
        Assert.Matches("^[0-9a-f]{32}$", tid);

        var monitorId = await fixture.MonitorIdAsync(tid);
        var monitor = await fixture.App.WithDbAsync(db => db.Monitors.AsNoTracking().SingleAsync(m => m.Id == monitorId));
        Assert.Equal(("test", "http://127.0.0.1:9/", true), (monitor.Name, monitor.Target, monitor.Enabled));
        Assert.Equal($"openapi:{client.ApiId}/owner@example.com", monitor.Origin);
        Assert.Equal(["127.0.0.1"], monitor.Http.PinnedIps);
        Assert.False(monitor.EnableAlert);
    }

    [Theory]
    [InlineData("", "HTTP", "http://127.0.0.1:9/", 10001)]
    [InlineData("n", "HTTP", "", 10001)]
    [InlineData("n", "HTTP", "ftp://127.0.0.1/", 10001)]
    [InlineData("n", "HTTP", "127.0.0.1/no-scheme", 10001)]
    [InlineData("n", "PING", "http://127.0.0.1:9/", 10002)]
    [InlineData("n", "", "http://127.0.0.1:9/", 10002)]
    public async Task Create_refuses_missing_or_invalid_parameters(string name, string type, string url, int code)
    {
        var client = await fixture.CreateClientAsync();
        (await client.PostAsync(Create, ("name", name), ("type", type), ("url", url))).AssertError(code, HttpStatusCode.BadRequest);
        Assert.Equal(0, (await client.GetAsync(List)).AssertOk().Data.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Create_refuses_a_bad_server_ip_an_unknown_gid_a_duplicate_and_a_task_past_the_limit()
    {
        var client = await fixture.CreateClientAsync(taskLimit: 2);
        (await client.PostAsync(Create, ("name", "n"), ("type", "HTTP"), ("url", "http://127.0.0.1:9/"), ("server_ip", "not-an-ip")))
            .AssertError(10001, HttpStatusCode.BadRequest);
        (await client.PostAsync(Create, ("name", "n"), ("type", "HTTP"), ("url", "http://127.0.0.1:9/"), ("gid", "ffffffffffffffffffffffffffffffff")))
            .AssertError(10001, HttpStatusCode.BadRequest);
        await OpenApiAppFixture.CreateTaskAsync(client, "http://127.0.0.1:9/a");
        (await client.PostAsync(Create, ("name", "again"), ("type", "HTTP"), ("url", "http://127.0.0.1:9/a"))).AssertError(10004, HttpStatusCode.Conflict);
        await OpenApiAppFixture.CreateTaskAsync(client, "http://127.0.0.1:9/b");
        (await client.PostAsync(Create, ("name", "third"), ("type", "HTTP"), ("url", "http://127.0.0.1:9/c"))).AssertError(10003, HttpStatusCode.Forbidden);
        Assert.Equal(2, (await client.GetAsync(List)).AssertOk().Data.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task List_pages_ten_tasks_at_a_time_by_offset()
    {
        var client = await fixture.CreateClientAsync();
        var tids = new List<string>();
        for (var i = 0; i < 13; i++) tids.Add(await OpenApiAppFixture.CreateTaskAsync(client, $"http://127.0.0.1:9/{i}", $"task {i}"));

        var first = (await client.GetAsync(List)).AssertOk().Data;
        Assert.Equal(13, first.GetProperty("total").GetInt32());
        var page = first.GetProperty("tasks").EnumerateArray().ToList();
        Assert.Equal(10, page.Count);
        Assert.Equal(["tid", "is_stop", "url", "name"], page[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal((tids[0], false, "http://127.0.0.1:9/0", "task 0"), (page[0].GetProperty("tid").GetString(),
            page[0].GetProperty("is_stop").GetBoolean(), page[0].GetProperty("url").GetString(), page[0].GetProperty("name").GetString()));

        var rest = (await client.GetAsync(List, ("offset", "10"))).AssertOk().Data.GetProperty("tasks").EnumerateArray()
            .Select(t => t.GetProperty("tid").GetString()).ToList();
        Assert.Equal<string?>(tids[10..], rest);
        (await client.GetAsync(List, ("offset", "-1"))).AssertError(10001, HttpStatusCode.BadRequest);
        (await client.GetAsync(List, ("offset", "ten"))).AssertError(10001, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Switch_stops_and_starts_the_monitor()
    {
        var client = await fixture.CreateClientAsync();
        var tid = await OpenApiAppFixture.CreateTaskAsync(client, "http://127.0.0.1:9/switch");
        var stopped = (await client.PostAsync($"/openapi/v1/task/{tid}/switch/", ("action", "stop"))).AssertOk();
        Assert.Equal("修改任务状态成功", stopped.Body.GetProperty("msg").GetString());
        Assert.Equal((tid, true), (stopped.Data.GetProperty("tid").GetString(), stopped.Data.GetProperty("is_stop").GetBoolean()));
        var monitorId = await fixture.MonitorIdAsync(tid);
        Assert.False(await fixture.App.WithDbAsync(db => db.Monitors.Where(m => m.Id == monitorId).Select(m => m.Enabled).SingleAsync()));
        Assert.True((await client.GetAsync(List)).AssertOk().Data.GetProperty("tasks")[0].GetProperty("is_stop").GetBoolean());

        Assert.False((await client.PostAsync($"/openapi/v1/task/{tid}/switch/", ("action", "start"))).AssertOk().Data.GetProperty("is_stop").GetBoolean());
        Assert.True(await fixture.App.WithDbAsync(db => db.Monitors.Where(m => m.Id == monitorId).Select(m => m.Enabled).SingleAsync()));

        (await client.PostAsync($"/openapi/v1/task/{tid}/switch/", ("action", "pause"))).AssertError(10001, HttpStatusCode.BadRequest);
        (await client.PostAsync($"/openapi/v1/task/{tid}/switch/")).AssertError(10001, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Delete_removes_the_task_and_its_monitor()
    {
        var client = await fixture.CreateClientAsync();
        var tid = await OpenApiAppFixture.CreateTaskAsync(client, "http://127.0.0.1:9/delete");
        var monitorId = await fixture.MonitorIdAsync(tid);
        var answer = (await client.PostAsync($"/openapi/v1/task/{tid}/delete/")).AssertOk();
        Assert.Equal(("删除监控任务成功", tid), (answer.Body.GetProperty("msg").GetString(), answer.Data.GetProperty("tid").GetString()));
        Assert.False(await fixture.App.WithDbAsync(db => db.Monitors.AnyAsync(m => m.Id == monitorId)));
        Assert.False(await fixture.App.WithDbAsync(db => db.OpenApiTasks.AnyAsync(t => t.Tid == tid)));
        (await client.PostAsync($"/openapi/v1/task/{tid}/delete/")).AssertError(20001, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Another_clients_or_users_task_is_20001_for_every_task_endpoint()
    {
        var owner = await fixture.CreateClientAsync();
        var other = await fixture.CreateClientAsync();
        var tid = await OpenApiAppFixture.CreateTaskAsync(owner, "http://127.0.0.1:9/private");
        (await other.PostAsync($"/openapi/v1/task/{tid}/switch/", ("action", "stop"))).AssertError(20001, HttpStatusCode.NotFound);
        (await other.PostAsync($"/openapi/v1/task/{tid}/delete/")).AssertError(20001, HttpStatusCode.NotFound);
        (await other.GetAsync($"/openapi/v1/task/{tid}/realtime_res/")).AssertError(20001, HttpStatusCode.NotFound);
        (await other.GetAsync($"/openapi/v1/task/{tid}/result/", ("usable_rate", "0"))).AssertError(20001, HttpStatusCode.NotFound);
        Assert.Equal(0, (await other.GetAsync(List)).AssertOk().Data.GetProperty("total").GetInt32());
        Assert.True(await fixture.App.WithDbAsync(db => db.OpenApiTasks.AnyAsync(t => t.Tid == tid)));
    }
}
