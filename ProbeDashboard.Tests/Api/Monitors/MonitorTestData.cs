using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Availability;
using ProbeDashboard.Core.Hosts;
using ProbeDashboard.Core.Notifications;
using ProbeDashboard.Core.Results;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.Monitors;

/// <summary>Request bodies and stored data the monitor API tests share.</summary>
internal static class MonitorTestData
{
    public const string BasePath = "/api/v1/service-monitors";
    public const string GroupName = "生产环境";
    public const string NotificationGroupName = "运维值班";

    /// <summary>
    /// Seed 001's example request, made valid for this database (its group and skipped hosts exist). Test targets are
    /// on loopback so that nothing leaves the machine even if a scheduler were running.
    /// </summary>
    public static Dictionary<string, object?> SeedExample(SeededHosts hosts, string name = "网站可用性监控") => new()
    {
        ["name"] = name,
        ["enable"] = true,
        ["type"] = 1,
        ["target"] = "https://127.0.0.1:9/health",
        ["duration"] = 60,
        ["timeout"] = 10,
        ["retry"] = 3,
        ["execute_on"] = new Dictionary<string, object?> { ["type"] = "group", ["group_id"] = hosts.GroupId },
        ["skip_hosts"] = hosts.AgentIds,
        ["enable_alert"] = true,
        ["fail_threshold"] = 3,
        ["notification_id"] = hosts.NotificationGroupId,
        ["latency_alert"] = true,
        ["max_latency"] = 2.0,
    };

    /// <summary>The smallest valid body: an ICMP monitor on every host.</summary>
    public static Dictionary<string, object?> Minimal(string name, int type = 3, string target = "127.0.0.1") => new()
    {
        ["name"] = name,
        ["type"] = type,
        ["target"] = target,
        ["duration"] = 30,
    };

    public sealed record SeededHosts(int ServerId, int GroupId, int[] AgentIds, int NotificationGroupId);

    /// <summary>A host group, two agent hosts besides the server's own host and a notification group; created once per database.</summary>
    public static Task<SeededHosts> EnsureHostsAsync(DashboardFactory factory) => factory.WithDbAsync(async db =>
    {
        var group = await db.HostGroups.SingleOrDefaultAsync(g => g.Name == GroupName);
        if (group is null)
        {
            group = new HostGroup { Name = GroupName };
            db.HostGroups.Add(group);
            await db.SaveChangesAsync();
            db.Hosts.AddRange(
                new ProbeHost { Name = "prod-server-01", Hostname = "prod-server-01", GroupId = group.Id, CreatedAt = DateTime.UtcNow },
                new ProbeHost { Name = "prod-server-02", Hostname = "prod-server-02", GroupId = group.Id, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }
        var onCall = await db.NotificationGroups.SingleOrDefaultAsync(g => g.Name == NotificationGroupName);
        if (onCall is null)
        {
            onCall = new NotificationGroup { Name = NotificationGroupName, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
            db.NotificationGroups.Add(onCall);
            await db.SaveChangesAsync();
        }
        var server = await db.Hosts.SingleAsync(h => h.IsServer);
        var agents = await db.Hosts.Where(h => h.GroupId == group.Id).OrderBy(h => h.Id).Select(h => h.Id).ToArrayAsync();
        return new SeededHosts(server.Id, group.Id, agents, onCall.Id);
    });

    public static async Task<int> CreateAsync(HttpClient client, Dictionary<string, object?> body)
    {
        using var response = await client.PostAsync(BasePath, ApiJson.Content(body));
        var json = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, json.ToString());
        return json.GetProperty("data").GetProperty("id").GetInt32();
    }

    public static ProbeResult Result(int monitorId, int hostId, DateTime at, bool success, double latencyMs = 0, int status = 200, string? error = null) =>
        new()
        {
            MonitorId = monitorId, HostId = hostId, Timestamp = at, Success = success,
            LatencyMs = success ? latencyMs : 0, StatusCode = success ? status : 0, ErrorMessage = success ? null : error ?? "connection refused",
        };

    public static AvailabilityBucket Bucket(int monitorId, int hostId, BucketSize size, DateTime start, int total, int successes,
        double latencySumMs = 0, double? min = null, double? max = null) =>
        new()
        {
            MonitorId = monitorId, HostId = hostId, Size = size, Start = start, Total = total, Successes = successes,
            LatencySumMs = latencySumMs, LatencyMinMs = min, LatencyMaxMs = max,
        };

    public static string[] Keys(JsonElement errors) => [.. errors.EnumerateObject().Select(p => p.Name)];
}
