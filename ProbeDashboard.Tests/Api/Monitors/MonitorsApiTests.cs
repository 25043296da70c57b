using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Availability;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Events;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Tests.Support;
using static ProbeDashboard.Tests.Api.Monitors.MonitorTestData;

namespace ProbeDashboard.Tests.Api.Monitors;

public class MonitorsApiTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task Create_answers_201_with_the_seed_example_echoed_back()
    {
        var hosts = await EnsureHostsAsync(factory);
        using var client = await factory.CreateClientAsync(UserRole.Operator);

        using var response = await client.PostAsync(BasePath, ApiJson.Content(SeedExample(hosts)));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await response.JsonAsync();
        Assert.Equal(0, json.GetProperty("code").GetInt32());
        Assert.Equal("success", json.GetProperty("message").GetString());
        var data = json.GetProperty("data");
        var id = data.GetProperty("id").GetInt32();
        Assert.Equal($"{BasePath}/{id}", response.Headers.Location!.ToString());
        Assert.Equal("网站可用性监控", data.GetProperty("name").GetString());
        Assert.Equal(1, data.GetProperty("type").GetInt32());
        Assert.Equal("https://127.0.0.1:9/health", data.GetProperty("target").GetString());
        Assert.Equal((60, 10, 3, 3), (data.GetProperty("duration").GetInt32(), data.GetProperty("timeout").GetInt32(),
            data.GetProperty("retry").GetInt32(), data.GetProperty("fail_threshold").GetInt32()));
        Assert.Equal("group", data.GetProperty("execute_on").GetProperty("type").GetString());
        Assert.Equal(hosts.GroupId, data.GetProperty("execute_on").GetProperty("group_id").GetInt32());
        Assert.Equal(hosts.AgentIds, data.GetProperty("skip_hosts").EnumerateArray().Select(e => e.GetInt32()));
        Assert.True(data.GetProperty("enable_alert").GetBoolean() && data.GetProperty("latency_alert").GetBoolean());
        Assert.Equal(hosts.NotificationGroupId, data.GetProperty("notification_id").GetInt32());
        Assert.Equal(2.0, data.GetProperty("max_latency").GetDouble());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?Z$", data.GetProperty("created_at").GetString());
        Assert.Matches(@"Z$", data.GetProperty("updated_at").GetString());
    }

    [Fact]
    public async Task Detail_adds_the_group_name_and_statistics_from_the_rollups()
    {
        var hosts = await EnsureHostsAsync(factory);
        using var client = await factory.CreateClientAsync(UserRole.Viewer);
        using var admin = await factory.CreateAdminClientAsync();
        var id = await CreateAsync(admin, SeedExample(hosts, "detail"));
        var thisHour = AvailabilityPeriod.Hour.PeriodStart(DateTime.UtcNow);
        await factory.WithDbAsync(db =>
        {
            db.AvailabilityBuckets.AddRange(
                Bucket(id, hosts.ServerId, BucketSize.Hour, thisHour, total: 60, successes: 60, latencySumMs: 60 * 320),
                Bucket(id, hosts.ServerId, BucketSize.Hour, thisHour.AddHours(-5), total: 60, successes: 54, latencySumMs: 54 * 400),
                Bucket(id, hosts.ServerId, BucketSize.Hour, thisHour.AddDays(-3), total: 80, successes: 40, latencySumMs: 40 * 500),
                Bucket(id, hosts.ServerId, BucketSize.Hour, thisHour.AddDays(-9), total: 99, successes: 0));
            return db.SaveChangesAsync();
        });

        var data = (await (await client.GetAsync($"{BasePath}/{id}")).JsonAsync()).GetProperty("data");

        Assert.Equal(GroupName, data.GetProperty("execute_on").GetProperty("group_name").GetString());
        var stats = data.GetProperty("statistics");
        Assert.Equal(100.0, stats.GetProperty("availability_1h").GetDouble());
        Assert.Equal(95.0, stats.GetProperty("availability_24h").GetDouble());
        Assert.Equal(77.0, stats.GetProperty("availability_7d").GetDouble());
        Assert.Equal(0.32, stats.GetProperty("avg_latency_1h").GetDouble());
        Assert.Equal(Math.Round((60 * 320 + 54 * 400) / 114.0 / 1000, 3), stats.GetProperty("avg_latency_24h").GetDouble());
        Assert.Equal((120, 114, 6), (stats.GetProperty("total_probes_24h").GetInt32(),
            stats.GetProperty("success_probes_24h").GetInt32(), stats.GetProperty("fail_probes_24h").GetInt32()));
    }

    [Fact]
    public async Task Update_replaces_every_setting_and_keeps_http_options()
    {
        using var client = await factory.CreateClientAsync(UserRole.Operator);
        var id = await CreateAsync(client, Minimal("before"));
        var body = Minimal("after", type: 1, target: "http://127.0.0.1:8080/health");
        body["recover_threshold"] = 3;
        body["fail_quorum"] = 2;
        body["http"] = new Dictionary<string, object?>
        {
            ["method"] = "HEAD", ["headers"] = new Dictionary<string, string> { ["X-Probe"] = "1" }, ["host_header"] = "www.example.test",
            ["expected_status_codes"] = "200,300-399", ["keyword"] = "ok", ["follow_redirects"] = false, ["pinned_ips"] = new[] { "127.0.0.2" },
        };

        using var response = await client.PutAsync($"{BasePath}/{id}", ApiJson.Content(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var detail = (await (await client.GetAsync($"{BasePath}/{id}")).JsonAsync()).GetProperty("data");
        Assert.Equal(("after", 1, 30), (detail.GetProperty("name").GetString(), detail.GetProperty("type").GetInt32(), detail.GetProperty("duration").GetInt32()));
        var http = detail.GetProperty("http");
        Assert.Equal("HEAD", http.GetProperty("method").GetString());
        Assert.Equal("1", http.GetProperty("headers").GetProperty("X-Probe").GetString());
        Assert.False(http.GetProperty("follow_redirects").GetBoolean());
        Assert.Equal("127.0.0.2", http.GetProperty("pinned_ips")[0].GetString());
        Assert.Equal(3, detail.GetProperty("recover_threshold").GetInt32());
        Assert.Equal(2, detail.GetProperty("fail_quorum").GetInt32());
        Assert.Equal(0, detail.GetProperty("consecutive_failures").GetInt32());
    }

    [Fact]
    public async Task Delete_removes_the_monitor_with_its_results_and_rollups_and_tells_the_scheduler()
    {
        var hosts = await EnsureHostsAsync(factory);
        using var client = await factory.CreateClientAsync(UserRole.Operator);
        var id = await CreateAsync(client, Minimal("doomed"));
        var keep = await CreateAsync(client, Minimal("keeper"));
        await factory.WithDbAsync(db =>
        {
            foreach (var monitorId in new[] { id, keep })
            {
                db.ProbeResults.Add(Result(monitorId, hosts.ServerId, DateTime.UtcNow, success: true, latencyMs: 12));
                db.AvailabilityBuckets.Add(Bucket(monitorId, hosts.ServerId, BucketSize.Hour, AvailabilityPeriod.Hour.PeriodStart(DateTime.UtcNow), 1, 1, 12));
            }
            return db.SaveChangesAsync();
        });
        using var changes = factory.Services.GetRequiredService<EventBus>().Subscribe<MonitorConfigurationChanged>();

        using var response = await client.DeleteAsync($"{BasePath}/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.JsonAsync();
        Assert.Equal(0, json.GetProperty("code").GetInt32());
        Assert.Equal("服务探测规则已删除", json.GetProperty("message").GetString());
        Assert.False(json.TryGetProperty("errors", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{BasePath}/{id}")).StatusCode);
        var left = await factory.WithDbAsync(async db => (
            await db.ProbeResults.Select(r => r.MonitorId).ToListAsync(),
            await db.AvailabilityBuckets.Select(b => b.MonitorId).ToListAsync()));
        Assert.DoesNotContain(id, left.Item1.Concat(left.Item2));
        Assert.Contains(keep, left.Item1);
        Assert.True(changes.Reader.TryRead(out var change));
        Assert.Equal(new MonitorConfigurationChanged(id, Deleted: true), change);
    }

    [Fact]
    public async Task Toggle_pauses_and_resumes_with_the_seed_messages()
    {
        using var client = await factory.CreateClientAsync(UserRole.Operator);
        var id = await CreateAsync(client, Minimal("toggled"));
        using var statuses = factory.Services.GetRequiredService<EventBus>().Subscribe<MonitorStatusChanged>();

        using var off = await client.PatchAsync($"{BasePath}/{id}/toggle", ApiJson.Content(new { enable = false }));
        Assert.Equal("服务探测规则已禁用", (await off.JsonAsync()).GetProperty("message").GetString());
        Assert.False((await (await client.GetAsync($"{BasePath}/{id}")).JsonAsync()).GetProperty("data").GetProperty("enable").GetBoolean());
        Assert.True(statuses.Reader.TryRead(out var paused));
        Assert.Equal((id, MonitorStatus.Unknown), (paused.MonitorId, paused.Status));

        using var on = await client.PatchAsync($"{BasePath}/{id}/toggle", ApiJson.Content(new { enable = true }));
        Assert.Equal(HttpStatusCode.OK, on.StatusCode);
        Assert.Equal("服务探测规则已启用", (await on.JsonAsync()).GetProperty("message").GetString());
        Assert.True((await (await client.GetAsync($"{BasePath}/{id}")).JsonAsync()).GetProperty("data").GetProperty("enable").GetBoolean());
    }
}
