using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Notifications;
using ProbeDashboard.Tests.Support;
using Xunit.Abstractions;

namespace ProbeDashboard.Tests.Cluster;

/// <summary>
/// Issue #15, test 3: monitors that alert through a webhook group, probed by a two-node cluster (one real PostgreSQL,
/// one real redis-server, two real server processes), fail and then recover. Across the cluster there is exactly one
/// alert event per monitor, and the webhook receiver gets exactly one delivery per transition: one when it fired, one
/// when it resolved.
/// </summary>
[Trait("Category", "Cluster")]
public sealed class AlertsFireOnceTests(ITestOutputHelper output, ThrowawayPostgres postgres) : ClusterProcessTest(output, postgres)
{
    private const int Monitors = 6;
    private const int FailoverSeconds = 5;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private FlippingTarget _target = null!;
    private List<int> _monitorIds = [];

    protected override int LogLines => 40;

    protected override async Task StartHelpersAsync() => _target = await FlippingTarget.StartAsync();

    protected override async ValueTask DisposeHelpersAsync() => await _target.DisposeAsync();

    protected override async Task SeedAsync()
    {
        _monitorIds = await AddHttpMonitorsAsync(Monitors, "alerting", 2, 2, id => $"{_target.BaseUrl}/target/{id}", m =>
        {
            m.EnableAlert = true;
            m.FailThreshold = 1;
            m.RecoverThreshold = 1;
        });
        await using var db = Db.Open();
        var now = DateTime.UtcNow;
        // One group per monitor, each with a webhook of its own path, so the receiver counts per monitor.
        foreach (var monitor in await db.Monitors.ToListAsync())
        {
            var group = new NotificationGroup
            {
                Name = $"hooks {monitor.Id}", CreatedAt = now, UpdatedAt = now,
                Recipients = [new NotificationRecipient { Channel = NotificationChannelKind.Webhook, Address = $"{_target.BaseUrl}/hook/{monitor.Id}" }],
            };
            db.NotificationGroups.Add(group);
            await db.SaveChangesAsync();
            monitor.NotificationGroupId = group.Id;
        }
        await db.SaveChangesAsync();
    }

    private AppProcess StartNode(string name) => StartNode(name, new Dictionary<string, string>
    {
        ["Cluster__FailoverSeconds"] = FailoverSeconds.ToString(),
        ["Alerts__TickIntervalMs"] = "500",
        ["Notifications__PollIntervalMs"] = "200",
    });

    private async Task<List<AlertEvent>> EventsAsync()
    {
        await using var db = Db.Open();
        return await db.AlertEvents.AsNoTracking().ToListAsync();
    }

    private async Task<List<NotificationOutboxEntry>> OutboxAsync()
    {
        await using var db = Db.Open();
        return await db.NotificationOutbox.AsNoTracking().ToListAsync();
    }

    /// <summary>Every message in the outbox delivered, and the receiver has heard exactly as many: nothing is on its way.</summary>
    private async Task<bool> QuietAsync()
    {
        var outbox = await OutboxAsync();
        return outbox.All(m => m.Status == OutboxStatus.Delivered) && _target.Hooks.Values.Sum() == outbox.Count;
    }

    [Fact]
    public async Task A_two_node_cluster_opens_one_event_and_delivers_one_webhook_per_transition()
    {
        StartNode("node-a");
        StartNode("node-b");
        foreach (var node in Nodes) await node.ListeningUrlAsync(Patience);
        await WaitForLiveNodesAsync(FailoverSeconds, live => live.Count == 2 && live.Sum(n => n.RoundsOwned) == Monitors,
            "both nodes to share the rounds", Patience);
        // A loaded machine can time out a first probe (and so alert): start counting from a calm state.
        await Eventually.TrueAsync(async () =>
        {
            await using var db = Db.Open();
            return await db.Monitors.AllAsync(m => m.Current.LastSuccess == true)
                && !await db.AlertEvents.AnyAsync(e => e.Status != AlertEventStatus.Resolved) && await QuietAsync();
        }, "every monitor up, no alert open, nothing on its way", (int)Patience.TotalMilliseconds);
        var eventsBefore = (await EventsAsync()).Select(e => e.Id).ToHashSet();
        var outboxBefore = (await OutboxAsync()).Select(m => m.Id).ToHashSet();
        var hooksBefore = new Dictionary<int, int>(_target.Hooks);
        async Task<List<AlertEvent>> NewEventsAsync() => [.. (await EventsAsync()).Where(e => !eventsBefore.Contains(e.Id))];
        async Task<List<NotificationOutboxEntry>> NewOutboxAsync() => [.. (await OutboxAsync()).Where(m => !outboxBefore.Contains(m.Id))];
        int NewHooks(int monitorId) => _target.Hooks.GetValueOrDefault(monitorId) - hooksBefore.GetValueOrDefault(monitorId);

        _target.Failing = true;
        await Eventually.TrueAsync(async () => (await NewEventsAsync()).Where(e => e.TriggerTime != null).Select(e => e.TargetId).Distinct().Count() == Monitors,
            "every monitor's down alert to fire", (int)Patience.TotalMilliseconds);
        await Eventually.TrueAsync(async () => (await NewOutboxAsync()).Count(m => m.Purpose == NotificationPurpose.Fired) >= Monitors && await QuietAsync(),
            "the fired notices to be delivered", (int)Patience.TotalMilliseconds);
        Report("fired", NewHooks);
        Assert.All(_monitorIds, id => Assert.Equal(1, NewHooks(id)));

        _target.Failing = false;
        await Eventually.TrueAsync(async () => (await NewEventsAsync()).All(e => e.Status == AlertEventStatus.Resolved),
            "every alert to resolve", (int)Patience.TotalMilliseconds);
        await Eventually.TrueAsync(async () => (await NewOutboxAsync()).Count(m => m.Purpose == NotificationPurpose.Resolved) >= Monitors && await QuietAsync(),
            "the recovery notices to be delivered", (int)Patience.TotalMilliseconds);
        Report("resolved", NewHooks);

        var events = await NewEventsAsync();
        Assert.Equal(_monitorIds, events.Select(e => e.TargetId).Order());   // one event per monitor, cluster-wide
        var outbox = await NewOutboxAsync();
        Assert.All(events, e => Assert.Equal([NotificationPurpose.Fired, NotificationPurpose.Resolved],
            outbox.Where(m => m.AlertEventId == e.Id).Select(m => m.Purpose).Order()));
        Assert.Equal(2 * Monitors, outbox.Count);
        Assert.All(_monitorIds, id => Assert.Equal(2, NewHooks(id)));
        Output.WriteLine($"notifications sent: node-a {Sent(0)}, node-b {Sent(1)}");
    }

    private int Sent(int node) => Nodes[node].Output.Count(l => l.Contains("sent by Webhook", StringComparison.OrdinalIgnoreCase));

    private void Report(string when, Func<int, int> newHooks) =>
        Output.WriteLine($"{when}: new webhooks per monitor {string.Join(' ', _monitorIds.Select(id => $"{id}:{newHooks(id)}"))}");

    /// <summary>The monitors' target (200, or 500 while <see cref="Failing"/>) and their webhooks' receiver, counting per monitor.</summary>
    private sealed class FlippingTarget : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private FlippingTarget(WebApplication app) => _app = app;

        public volatile bool Failing;

        public ConcurrentDictionary<int, int> Hooks { get; } = new();

        public string BaseUrl { get; private set; } = "";

        public static async Task<FlippingTarget> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            var target = new FlippingTarget(app);
            app.MapGet("/target/{id:int}", (int id) => target.Failing ? Results.StatusCode(500) : Results.Text("ok"));
            app.MapPost("/hook/{id:int}", (int id) => { target.Hooks.AddOrUpdate(id, 1, (_, n) => n + 1); return Results.Ok(); });
            await app.StartAsync();
            target.BaseUrl = app.Urls.First();
            return target;
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
