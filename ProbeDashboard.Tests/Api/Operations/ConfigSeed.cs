using ProbeDashboard.Core.Access;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Compat.IpLive;
using ProbeDashboard.Core.Compat.OpenApi;
using ProbeDashboard.Core.Hosts;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Storage;
using ProbeDashboard.Core.Notifications;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.Operations;

/// <summary>A configuration with one of everything that refers to something else, stored through the app's own services.</summary>
public static class ConfigSeed
{
    public const string WebhookSecret = "hmac-secret-for-tests";

    public static async Task StoreAsync(DashboardFactory factory)
    {
        var services = factory.Services;
        var group = await services.GetRequiredService<HostGroupService>().CreateAsync(ProbeDashboard.Core.Access.Actor.System, "edge", CancellationToken.None);
        Assert.True(group.Succeeded);
        var serverId = await factory.WithDbAsync(db => Task.FromResult(db.Hosts.Single(h => h.IsServer).Id));

        var notificationId = (await services.GetRequiredService<NotificationGroupService>().CreateAsync(Actor.System,
            new NotificationGroupInput("on-call", ["ops@example.test"], [new WebhookInput("http://127.0.0.1:9/hook", WebhookSecret)], ["+49 170 1234567"], IsDefault: true),
            CancellationToken.None)).Group!.Id;

        var monitors = services.GetRequiredService<MonitorService>();
        var web = await monitors.CreateAsync(Actor.System, new MonitorInput
        {
            Name = "web", Type = 1, Target = "http://127.0.0.1:9/health", Duration = 30, Timeout = 5, Retry = 1,
            ExecuteOn = new ExecuteOnInput("group", group.Group!.Id), EnableAlert = true, FailThreshold = 2, FailQuorum = 2, RecoverThreshold = 2,
            NotificationId = notificationId, LatencyAlert = true, MaxLatency = 1.5,
            Http = new HttpOptionsInput
            {
                Method = "HEAD", Headers = new Dictionary<string, string> { ["X-Probe"] = "yes" }, ExpectedStatusCodes = "200,300-399",
                Keyword = "ok", FollowRedirects = false, PinnedIps = ["127.0.0.1"],
            },
        }, "api", CancellationToken.None);
        Assert.Empty(web.Errors);
        var db = await monitors.CreateAsync(Actor.System, new MonitorInput
        {
            Name = "db", Enable = false, Type = 2, Target = "127.0.0.1:5432", Duration = 60, ExecuteOn = new ExecuteOnInput("hosts", null, [serverId]),
        }, "ui", CancellationToken.None);
        Assert.Empty(db.Errors);

        var rules = services.GetRequiredService<AlertRuleService>();
        var slow = await rules.CreateAsync(Actor.System, new AlertRuleInput("web slow", true, "service_probe", [web.Monitor!.Id],
            "latency > 0.8", 120, notificationId, "critical", 600, 3), CancellationToken.None);
        Assert.Empty(slow.Errors);
        var busy = await rules.CreateAsync(Actor.System, new AlertRuleInput("hosts busy", false, "host_monitor", [],
            "cpu_usage > 90", 300, null, "warning", 0, null), CancellationToken.None);
        Assert.Empty(busy.Errors);
        await StoreClientsAsync(factory);
    }

    /// <summary>The compat clients: an iplive app and an open-API partner.</summary>
    private static async Task StoreClientsAsync(DashboardFactory factory)
    {
        Assert.NotNull(await factory.Services.GetRequiredService<IpLiveApps>().CreateAsync(ProbeDashboard.Core.Access.Actor.System, "shop", "http://127.0.0.1:9/callback", CancellationToken.None));
        await factory.Services.GetRequiredService<OpenApiClientService>().CreateAsync(ProbeDashboard.Core.Access.Actor.System, "partner@example.test", true, 20, CancellationToken.None);
    }

    public static Task<int> CountAsync(DashboardFactory factory) => factory.WithDbAsync((ProbeDbContext db) =>
        Task.FromResult(db.Monitors.Count() + db.AlertRules.Count() + db.NotificationGroups.Count() + db.HostGroups.Count()
            + db.IpLiveApps.Count() + db.OpenApiClients.Count()));
}
