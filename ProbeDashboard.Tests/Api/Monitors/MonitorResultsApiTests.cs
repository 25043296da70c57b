using System.Net;
using System.Text.Json;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Availability;
using ProbeDashboard.Tests.Support;
using static ProbeDashboard.Tests.Api.Monitors.MonitorTestData;

namespace ProbeDashboard.Tests.Api.Monitors;

public class MonitorResultsApiTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private static readonly DateTime T0 = new(2025, 10, 7, 10, 5, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Probe_history_is_newest_first_with_host_names_and_latency_in_seconds()
    {
        var (client, id, hosts) = await MonitorWithHistoryAsync();

        var items = await GetAsync(client, $"{BasePath}/{id}/probe-history");

        Assert.Equal(5, items.GetArrayLength());
        var newest = items[0];
        Assert.Equal(id, newest.GetProperty("service_monitor_id").GetInt32());
        Assert.Equal(hosts.AgentIds[0], newest.GetProperty("host_id").GetInt32());
        Assert.Equal("prod-server-01", newest.GetProperty("host_name").GetString());
        Assert.Equal("2025-10-07T10:09:00Z", newest.GetProperty("timestamp").GetString());
        Assert.False(newest.GetProperty("success").GetBoolean());
        Assert.Equal(0.0, newest.GetProperty("latency").GetDouble());
        Assert.Equal("timeout after 10s", newest.GetProperty("error_message").GetString());
        Assert.Equal(0.352, items[1].GetProperty("latency").GetDouble());
        Assert.Equal(200, items[1].GetProperty("status_code").GetInt32());
        Assert.Equal(JsonValueKind.Null, items[1].GetProperty("error_message").ValueKind);
        Assert.True(items[0].GetProperty("id").GetInt64() > 0);
    }

    [Fact]
    public async Task Probe_history_filters_by_time_host_status_and_limit()
    {
        var (client, id, hosts) = await MonitorWithHistoryAsync();

        var fromHost = await GetAsync(client, $"{BasePath}/{id}/probe-history?host_id={hosts.ServerId}");
        var failures = await GetAsync(client, $"{BasePath}/{id}/probe-history?status=fail");
        var window = await GetAsync(client, $"{BasePath}/{id}/probe-history?start=2025-10-07T10:06:00Z&end=2025-10-07T12:08:00%2B02:00");
        var limited = await GetAsync(client, $"{BasePath}/{id}/probe-history?limit=2");

        Assert.All(fromHost.EnumerateArray(), r => Assert.Equal(hosts.ServerId, r.GetProperty("host_id").GetInt32()));
        Assert.Equal(3, fromHost.GetArrayLength());
        Assert.Equal(2, failures.GetArrayLength());
        Assert.All(failures.EnumerateArray(), r => Assert.False(r.GetProperty("success").GetBoolean()));
        Assert.Equal(["2025-10-07T10:08:00Z", "2025-10-07T10:07:00Z", "2025-10-07T10:06:00Z"], Times(window, "timestamp"));
        Assert.Equal(["2025-10-07T10:09:00Z", "2025-10-07T10:08:00Z"], Times(limited, "timestamp"));
    }

    [Fact]
    public async Task Hourly_availability_sums_hosts_per_hour()
    {
        var (client, id, hosts) = await MonitorAsync("hourly");
        var hour = new DateTime(2025, 10, 7, 9, 0, 0, DateTimeKind.Utc);
        await factory.WithDbAsync(db =>
        {
            db.AvailabilityBuckets.AddRange(
                Bucket(id, hosts.ServerId, BucketSize.Hour, hour, 30, 30, 30 * 300, 280, 450),
                Bucket(id, hosts.AgentIds[0], BucketSize.Hour, hour, 30, 30, 30 * 340, 300, 400),
                Bucket(id, hosts.ServerId, BucketSize.Hour, hour.AddHours(1), 5, 4, 4 * 350, 300, 400),
                Bucket(id, hosts.ServerId, BucketSize.Hour, hour.AddHours(2), 7, 7, 7 * 100, 90, 110));
            return db.SaveChangesAsync();
        });

        var points = await GetAsync(client, $"{BasePath}/{id}/availability?period=hour&start=2025-10-07T09:30:00Z&end=2025-10-07T11:00:00Z");

        Assert.Equal(["2025-10-07T09:00:00Z", "2025-10-07T10:00:00Z"], Times(points, "start_time"));
        var nine = points[0];
        Assert.Equal("hour", nine.GetProperty("period").GetString());
        Assert.Equal((60, 60, 0, 100.0), (nine.GetProperty("total_probes").GetInt32(), nine.GetProperty("success_probes").GetInt32(),
            nine.GetProperty("fail_probes").GetInt32(), nine.GetProperty("availability").GetDouble()));
        Assert.Equal((0.32, 0.28, 0.45), (nine.GetProperty("avg_latency").GetDouble(), nine.GetProperty("min_latency").GetDouble(), nine.GetProperty("max_latency").GetDouble()));
        Assert.Equal((80.0, 1), (points[1].GetProperty("availability").GetDouble(), points[1].GetProperty("fail_probes").GetInt32()));
    }

    [Fact]
    public async Task Weekly_and_monthly_availability_are_summed_from_daily_rollups()
    {
        var (client, id, hosts) = await MonitorAsync("daily");
        var monday = new DateTime(2025, 9, 29, 0, 0, 0, DateTimeKind.Utc);
        await factory.WithDbAsync(db =>
        {
            for (var day = 0; day < 10; day++)
                db.AvailabilityBuckets.Add(Bucket(id, hosts.ServerId, BucketSize.Day, monday.AddDays(day), 100, day == 8 ? 50 : 100, 100 * 200, 100, 300 + day));
            return db.SaveChangesAsync();
        });
        var range = "start=2025-09-29T00:00:00Z&end=2025-10-31T00:00:00Z";

        var days = await GetAsync(client, $"{BasePath}/{id}/availability?period=day&{range}");
        var weeks = await GetAsync(client, $"{BasePath}/{id}/availability?period=week&{range}");
        var months = await GetAsync(client, $"{BasePath}/{id}/availability?period=month&{range}");

        Assert.Equal(10, days.GetArrayLength());
        Assert.Equal(["2025-09-29T00:00:00Z", "2025-10-06T00:00:00Z"], Times(weeks, "start_time"));
        Assert.Equal((700, 100.0), (weeks[0].GetProperty("total_probes").GetInt32(), weeks[0].GetProperty("availability").GetDouble()));
        Assert.Equal((300, 250, 0.309), (weeks[1].GetProperty("total_probes").GetInt32(), weeks[1].GetProperty("success_probes").GetInt32(), weeks[1].GetProperty("max_latency").GetDouble()));
        Assert.Equal(["2025-09-01T00:00:00Z", "2025-10-01T00:00:00Z"], Times(months, "start_time"));
        Assert.Equal((200, 800), (months[0].GetProperty("total_probes").GetInt32(), months[1].GetProperty("total_probes").GetInt32()));
        Assert.Equal("month", months[0].GetProperty("period").GetString());
    }

    [Fact]
    public async Task Without_a_range_hourly_availability_covers_the_last_24_hours()
    {
        var (client, id, hosts) = await MonitorAsync("default-range");
        var thisHour = AvailabilityPeriod.Hour.PeriodStart(DateTime.UtcNow);
        await factory.WithDbAsync(db =>
        {
            db.AvailabilityBuckets.AddRange(
                Bucket(id, hosts.ServerId, BucketSize.Hour, thisHour, 10, 10),
                Bucket(id, hosts.ServerId, BucketSize.Hour, thisHour.AddHours(-23), 10, 10),
                Bucket(id, hosts.ServerId, BucketSize.Hour, thisHour.AddHours(-26), 10, 10));
            return db.SaveChangesAsync();
        });

        var points = await GetAsync(client, $"{BasePath}/{id}/availability");

        Assert.Equal([thisHour.AddHours(-23), thisHour], points.EnumerateArray().Select(p => p.GetProperty("start_time").GetDateTime().ToUniversalTime()));
    }

    private async Task<(HttpClient Client, int Id, SeededHosts Hosts)> MonitorAsync(string name)
    {
        var hosts = await EnsureHostsAsync(factory);
        var client = await factory.CreateClientAsync(UserRole.Viewer);
        using var admin = await factory.CreateAdminClientAsync();
        return (client, await CreateAsync(admin, Minimal(name)), hosts);
    }

    private async Task<(HttpClient Client, int Id, SeededHosts Hosts)> MonitorWithHistoryAsync()
    {
        var (client, id, hosts) = await MonitorAsync("history");
        await factory.WithDbAsync(db =>
        {
            db.ProbeResults.AddRange(
                Result(id, hosts.ServerId, T0, success: true, latencyMs: 300),
                Result(id, hosts.ServerId, T0.AddMinutes(1), success: true, latencyMs: 310),
                Result(id, hosts.AgentIds[0], T0.AddMinutes(2), success: false),
                Result(id, hosts.ServerId, T0.AddMinutes(3), success: true, latencyMs: 352.4),
                Result(id, hosts.AgentIds[0], T0.AddMinutes(4), success: false, error: "timeout after 10s"),
                Result(id + 1000, hosts.ServerId, T0.AddMinutes(4), success: true, latencyMs: 1));
            return db.SaveChangesAsync();
        });
        return (client, id, hosts);
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var json = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, json.ToString());
        return json.GetProperty("data");
    }

    private static string[] Times(JsonElement items, string property) =>
        [.. items.EnumerateArray().Select(i => i.GetProperty(property).GetString()!)];
}
