using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Alerts.Engine;
using ProbeDashboard.Core.Events;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Notifications;
using ProbeDashboard.Core.Results;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Tests.Support;

/// <summary>
/// Plays the parts of the app that feed alerting: stores monitors and probe results the way the result writer
/// does and publishes the same bus messages, so the real engine and dispatcher run on them.
/// </summary>
public sealed class AlertFeed(DashboardFactory factory)
{
    public ProbeDbContext Db() => factory.Services.GetRequiredService<IDbContextFactory<ProbeDbContext>>().CreateDbContext();

    public EventBus Bus => factory.Services.GetRequiredService<EventBus>();

    public async Task<MonitorDefinition> AddMonitorAsync(string name, Action<MonitorDefinition> configure)
    {
        await using var db = Db();
        var monitor = new MonitorDefinition { Name = name, Kind = MonitorKind.Http, Target = "http://127.0.0.1:9/", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
        configure(monitor);
        db.Monitors.Add(monitor);
        await db.SaveChangesAsync();
        return monitor;
    }

    public async Task<NotificationGroup> AddGroupAsync(string name, string[]? emails = null, (string Url, string? Secret)[]? webhooks = null)
    {
        var secrets = factory.Services.GetRequiredService<SecretProtector>();
        await using var db = Db();
        var group = new NotificationGroup { Name = name, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
        group.Recipients.AddRange((emails ?? []).Select(e => new NotificationRecipient { Channel = NotificationChannelKind.Email, Address = e }));
        group.Recipients.AddRange((webhooks ?? []).Select(w => new NotificationRecipient
        {
            Channel = NotificationChannelKind.Webhook,
            Address = w.Url,
            ProtectedSecret = w.Secret is null ? null : secrets.Protect(w.Secret),
        }));
        db.NotificationGroups.Add(group);
        await db.SaveChangesAsync();
        return group;
    }

    /// <summary>
    /// Submits one round per entry (from the server's own host, one interval apart) to the real result writer, which
    /// stores them in one batch and announces them with the rounds it counted. Returns once they are announced, so
    /// <see cref="EngineIdleAsync"/> afterwards covers them.
    /// </summary>
    public Task CommitRoundsAsync(int monitorId, params (bool Success, double LatencyMs)[] rounds) =>
        CommitRoundsAsync(monitorId, rounds.Select(r => (Action<ProbeResult>)(result =>
        {
            result.Success = r.Success;
            result.LatencyMs = r.LatencyMs;
            result.StatusCode = r.Success ? 200 : 0;
            result.ErrorMessage = r.Success ? null : "connection refused";
        })).ToArray());

    /// <summary>As above, each round a successful result that <paramref name="rounds"/> may change (say, the certificate it saw).</summary>
    public async Task CommitRoundsAsync(int monitorId, params Action<ProbeResult>[] rounds)
    {
        using var announced = Bus.Subscribe<ProbeResultsCommitted>();
        await using var db = Db();
        var hostId = await db.Hosts.Where(h => h.IsServer).Select(h => h.Id).SingleAsync();
        var interval = await db.Monitors.Where(m => m.Id == monitorId).Select(m => m.IntervalSeconds).SingleAsync();
        var results = rounds.Select(shape =>
        {
            var result = new ProbeResult { MonitorId = monitorId, HostId = hostId, Timestamp = NextRoundAt(monitorId, interval), Success = true, LatencyMs = 10, StatusCode = 200 };
            shape(result);
            return result;
        }).ToList();
        await factory.Services.GetRequiredService<ResultWriter>().SubmitAsync(results, CancellationToken.None);
        var last = results[^1].Timestamp;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!(await announced.Reader.ReadAsync(timeout.Token)).Results.Any(r => r.MonitorId == monitorId && r.Timestamp == last)) { }
    }

    /// <summary>
    /// Returns once the alert engine has handled every message published so far; what it did not change by then, it
    /// did not change. Callers publish first (or use <see cref="CommitRoundsAsync(int, bool[])"/>, which returns after the announcement).
    /// </summary>
    public Task EngineIdleAsync() =>
        Eventually.TrueAsync(() => factory.Services.GetServices<IHostedService>().OfType<AlertEngine>().Single().IsIdle, "the alert engine to handle what was published");

    /// <summary>Returns once the engine has finished a tick that judged the open events at the clock's present time.</summary>
    public Task EngineTickedAsync()
    {
        var now = factory.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        return Eventually.TrueAsync(() => factory.Services.GetRequiredService<AlertProcessor>().LastTickAt >= now, $"an alert tick at {now:O}");
    }

    /// <summary>
    /// Wakes the dispatcher and returns once a whole dispatch pass begun after this call has finished, telling whether
    /// it left messages pending. A pass that leaves none sent everything that was due, and nothing later will send more.
    /// </summary>
    public async Task<bool> DispatcherIdleAsync()
    {
        var dispatcher = factory.Services.GetRequiredService<NotificationDispatcher>();
        var started = dispatcher.Passes.Started;
        factory.Services.GetRequiredService<NotificationSignal>().Notify();
        // Passes run one at a time: more finished than had begun means one begun after this call is done.
        await Eventually.TrueAsync(() => dispatcher.Passes.Finished > started, "a dispatch pass");
        return dispatcher.PendingAfterLastPass;
    }

    /// <summary>Each app's last round time per monitor: feeds are made anew on every use, the app's rounds go on.</summary>
    private static readonly ConditionalWeakTable<DashboardFactory, Dictionary<int, DateTime>> LastRoundAt = new();

    /// <summary>Rounds one interval apart and never before the monitor's previous one, so no two results share a round.</summary>
    private DateTime NextRoundAt(int monitorId, int intervalSeconds)
    {
        var last = LastRoundAt.GetOrCreateValue(factory);
        lock (last)
        {
            var now = DateTime.UtcNow;
            var next = last.TryGetValue(monitorId, out var previous) && previous.AddSeconds(intervalSeconds) > now ? previous.AddSeconds(intervalSeconds) : now;
            return last[monitorId] = next;
        }
    }

    public Task CommitRoundsAsync(int monitorId, params bool[] successes) =>
        CommitRoundsAsync(monitorId, successes.Select(s => (s, s ? 50.0 : 0.0)).ToArray());

    public void PublishHostMetrics(int hostId, string hostName, IReadOnlyDictionary<string, double> metrics) =>
        Bus.Publish(new HostMetricsSampled(hostId, hostName, Guid.NewGuid(), DateTime.UtcNow, metrics));

    public async Task<List<AlertEvent>> EventsAsync()
    {
        await using var db = Db();
        return await db.AlertEvents.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
    }

    public async Task<List<NotificationOutboxEntry>> OutboxAsync()
    {
        await using var db = Db();
        return await db.NotificationOutbox.AsNoTracking().OrderBy(o => o.Id).ToListAsync();
    }

    public Task<AlertEvent> EventAsync(Func<AlertEvent, bool> match, string what) =>
        Eventually.GetAsync(async () => (await EventsAsync()).FirstOrDefault(match), what);
}
