using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Alerts;
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

    /// <summary>Stores one round per entry (from the server's own host) in one batch and announces it.</summary>
    public async Task CommitRoundsAsync(int monitorId, params (bool Success, double LatencyMs)[] rounds) =>
        Bus.Publish(new ProbeResultsCommitted(await StoreRoundsAsync(monitorId, rounds)));

    /// <summary>Stores a batch without announcing it yet, as when the writer commits faster than alerting reads.</summary>
    public async Task<List<ProbeResult>> StoreRoundsAsync(int monitorId, params (bool Success, double LatencyMs)[] rounds)
    {
        await using var db = Db();
        var hostId = await db.Hosts.Where(h => h.IsServer).Select(h => h.Id).SingleAsync();
        var now = DateTime.UtcNow;
        var results = rounds.Select((r, i) => new ProbeResult
        {
            MonitorId = monitorId,
            HostId = hostId,
            Timestamp = now.AddMilliseconds(i),
            Success = r.Success,
            LatencyMs = r.LatencyMs,
            StatusCode = r.Success ? 200 : 0,
            ErrorMessage = r.Success ? null : "connection refused",
        }).ToList();
        db.ProbeResults.AddRange(results);
        await db.SaveChangesAsync();
        return results;
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
