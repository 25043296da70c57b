using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Availability;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Tests.Support;
using static ProbeDashboard.Tests.Api.Monitors.MonitorTestData;

namespace ProbeDashboard.Tests.Api.Monitors;

public class MonitorListApiTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task Pages_default_to_20_and_report_the_total()
    {
        using var client = await factory.CreateClientAsync(UserRole.Operator);
        for (var i = 0; i < 23; i++) await CreateAsync(client, Minimal($"paged-{i:00}"));

        var first = await ListAsync(client, "search=paged-");
        var second = await ListAsync(client, "search=paged-&page=2");
        var small = await ListAsync(client, "search=paged-&page=3&page_size=5");

        Assert.Equal((23, 1, 20, 20), (first.GetProperty("total").GetInt32(), first.GetProperty("page").GetInt32(),
            first.GetProperty("page_size").GetInt32(), first.GetProperty("items").GetArrayLength()));
        Assert.Equal(3, second.GetProperty("items").GetArrayLength());
        Assert.Equal(["paged-10", "paged-11", "paged-12", "paged-13", "paged-14"], Names(small));
        Assert.Equal(0, (await ListAsync(client, "search=paged-&page=9")).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Filters_by_enable_type_and_a_case_insensitive_search_of_name_or_target()
    {
        using var client = await factory.CreateClientAsync(UserRole.Operator);
        await CreateAsync(client, Minimal("filter-web", type: 1, target: "http://127.0.0.1:9/shop"));
        await CreateAsync(client, Minimal("filter-db", type: 2, target: "127.0.0.1:5432"));
        var paused = await CreateAsync(client, Minimal("filter-gw 100%", type: 3, target: "127.0.0.1"));
        await client.PatchAsync($"{BasePath}/{paused}/toggle", ApiJson.Content(new { enable = false }));

        Assert.Equal(["filter-db"], Names(await ListAsync(client, "search=filter-&type=2")));
        Assert.Equal(["filter-gw 100%"], Names(await ListAsync(client, "search=filter-&enable=false")));
        Assert.Equal(["filter-web", "filter-db"], Names(await ListAsync(client, "search=FILTER-&enable=true")));
        Assert.Equal(["filter-web"], Names(await ListAsync(client, "search=/SHOP")));
        Assert.Equal(["filter-gw 100%"], Names(await ListAsync(client, "search=" + Uri.EscapeDataString("100%"))));
        Assert.Empty(Names(await ListAsync(client, "search=" + Uri.EscapeDataString("filter_"))));
    }

    [Fact]
    public async Task Items_show_current_status_last_probe_and_24h_figures()
    {
        var hosts = await EnsureHostsAsync(factory);
        using var client = await factory.CreateClientAsync(UserRole.Operator);
        var online = await CreateAsync(client, Minimal("state-online"));
        var offline = await CreateAsync(client, Minimal("state-offline"));
        var fresh = await CreateAsync(client, Minimal("state-unknown"));
        var paused = await CreateAsync(client, Minimal("state-paused"));
        var probedAt = new DateTime(2025, 10, 7, 10, 5, 0, DateTimeKind.Utc);
        var thisHour = AvailabilityPeriod.Hour.PeriodStart(DateTime.UtcNow);
        await factory.WithDbAsync(async db =>
        {
            await SetCurrentAsync(db, online, MonitorStatus.Online, probedAt, success: true);
            await SetCurrentAsync(db, offline, MonitorStatus.Offline, probedAt, success: false);
            await SetCurrentAsync(db, paused, MonitorStatus.Online, probedAt, success: true);
            db.AvailabilityBuckets.AddRange(
                Bucket(online, hosts.ServerId, BucketSize.Hour, thisHour, 100, 99, 99 * 350),
                Bucket(online, hosts.AgentIds[0], BucketSize.Hour, thisHour.AddHours(-3), 100, 100, 100 * 350),
                Bucket(online, hosts.ServerId, BucketSize.Hour, thisHour.AddHours(-30), 100, 0));
            await db.SaveChangesAsync();
        });
        await client.PatchAsync($"{BasePath}/{paused}/toggle", ApiJson.Content(new { enable = false }));

        var items = (await ListAsync(client, "search=state-")).GetProperty("items").EnumerateArray()
            .ToDictionary(i => i.GetProperty("id").GetInt32());

        Assert.Equal("online", items[online].GetProperty("current_status").GetString());
        Assert.Equal(99.5, items[online].GetProperty("availability_24h").GetDouble());
        Assert.Equal(0.35, items[online].GetProperty("avg_latency_24h").GetDouble());
        Assert.Equal("2025-10-07T10:05:00Z", items[online].GetProperty("last_probe_time").GetString());
        Assert.Equal("success", items[online].GetProperty("last_probe_result").GetString());
        Assert.Equal(("offline", "fail"), (items[offline].GetProperty("current_status").GetString(), items[offline].GetProperty("last_probe_result").GetString()));
        Assert.Equal("unknown", items[fresh].GetProperty("current_status").GetString());
        Assert.Equal(JsonValueKind.Null, items[fresh].GetProperty("availability_24h").ValueKind);
        Assert.Equal(JsonValueKind.Null, items[fresh].GetProperty("last_probe_time").ValueKind);
        Assert.Equal("paused", items[paused].GetProperty("current_status").GetString());
    }

    private static async Task SetCurrentAsync(ProbeDashboard.Core.Storage.ProbeDbContext db, int id, MonitorStatus status, DateTime at, bool success)
    {
        var monitor = await db.Monitors.SingleAsync(m => m.Id == id);
        monitor.Current.Status = status;
        monitor.Current.LastProbeAt = at;
        monitor.Current.LastSuccess = success;
    }

    private static async Task<JsonElement> ListAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync($"{BasePath}?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("data");
    }

    private static string[] Names(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!)];
}
