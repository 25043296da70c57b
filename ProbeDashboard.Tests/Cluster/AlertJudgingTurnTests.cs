using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ProbeDashboard.Core;
using ProbeDashboard.Core.Agents;
using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Alerts.Engine;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Notifications;
using ProbeDashboard.Core.Probing;
using ProbeDashboard.Core.Results;
using ProbeDashboard.Core.Storage;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Cluster;

/// <summary>
/// Two alert processors (two nodes' engines) on one real PostgreSQL database with the cluster on: rounds of one monitor
/// judged by either, in turn or at the same time, give one event per transition and one notification each, never a
/// decision from a stale memory (a node that did not see the other's change).
/// </summary>
[Trait("Category", "Cluster")]
public sealed class AlertJudgingTurnTests(ThrowawayPostgres postgres) : IClassFixture<ThrowawayPostgres>, IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private ServiceProvider _services = null!;
    private int _monitorId;

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = _data.Path,
            ["Storage:Provider"] = "PostgreSQL",
            ["Storage:ConnectionString"] = await postgres.CreateDatabaseAsync(),
            // Turns the cluster on (membership only: no Redis connection is made by what this test runs).
            ["Cluster:Redis"] = "127.0.0.1:1",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddProbeDashboardCore(configuration);
        services.AddProbePipeline(configuration);
        services.AddAgentsAndHosts(configuration);
        services.AddAlerting(configuration);
        _services = services.BuildServiceProvider();
        await _services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);

        await using var db = _services.GetRequiredService<IDbContextFactory<ProbeDbContext>>().CreateDbContext();
        var now = DateTime.UtcNow;
        var group = new NotificationGroup
        {
            Name = "hooks", CreatedAt = now, UpdatedAt = now,
            Recipients = [new NotificationRecipient { Channel = NotificationChannelKind.Webhook, Address = "http://127.0.0.1:9/hook" }],
        };
        db.NotificationGroups.Add(group);
        await db.SaveChangesAsync();
        var monitor = TestMonitors.Http("judged", new Uri("http://127.0.0.1:9/"));
        (monitor.EnableAlert, monitor.FailThreshold, monitor.RecoverThreshold, monitor.NotificationGroupId) = (true, 1, 1, group.Id);
        db.Monitors.Add(monitor);
        await db.SaveChangesAsync();
        _monitorId = monitor.Id;
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        _data.Dispose();
    }

    private AlertProcessor Node() => ActivatorUtilities.CreateInstance<AlertProcessor>(_services);

    private ProbeRound Round(bool failed, int failures) =>
        new(_monitorId, DateTime.UtcNow, failed, failures, 1, failed ? 1 : 0, failed ? null : 10, failed ? 500 : 200);

    private async Task<(List<AlertEvent> Events, List<NotificationPurpose> Sent)> StoredAsync()
    {
        await using var db = _services.GetRequiredService<IDbContextFactory<ProbeDbContext>>().CreateDbContext();
        var events = await db.AlertEvents.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
        var sent = await db.NotificationOutbox.AsNoTracking().OrderBy(m => m.Id).Select(m => m.Purpose).ToListAsync();
        return (events, sent);
    }

    [Fact]
    public async Task Two_nodes_judging_one_monitor_in_turn_and_at_once_give_one_event_and_one_notice_per_transition()
    {
        var (a, b) = (Node(), Node());
        await b.TickAsync(CancellationToken.None);   // b has looked once, before any event existed

        await a.ProcessRoundsAsync([Round(failed: true, 1)], CancellationToken.None);
        await b.ProcessRoundsAsync([Round(failed: false, 0)], CancellationToken.None);   // b resolves what a opened
        await a.ProcessRoundsAsync([Round(failed: true, 1)], CancellationToken.None);    // a opens anew, not "still firing"
        // The same failure reaching both nodes at once: one of them acts, the other finds it done.
        await Task.WhenAll(Task.Run(() => b.ProcessRoundsAsync([Round(failed: true, 2)], CancellationToken.None)),
            Task.Run(() => a.ProcessRoundsAsync([Round(failed: true, 2)], CancellationToken.None)));
        await Task.WhenAll(Task.Run(() => a.TickAsync(CancellationToken.None)), Task.Run(() => b.TickAsync(CancellationToken.None)));
        await Task.WhenAll(Task.Run(() => a.ProcessRoundsAsync([Round(failed: false, 0)], CancellationToken.None)),
            Task.Run(() => b.ProcessRoundsAsync([Round(failed: false, 0)], CancellationToken.None)));

        // And a new failure judged by both at once: one new event, opened once.
        await Task.WhenAll(Task.Run(() => a.ProcessRoundsAsync([Round(failed: true, 1)], CancellationToken.None)),
            Task.Run(() => b.ProcessRoundsAsync([Round(failed: true, 1)], CancellationToken.None)));

        var (events, sent) = await StoredAsync();
        Assert.Equal(3, events.Count);
        Assert.Equal([AlertEventStatus.Resolved, AlertEventStatus.Resolved], events.Take(2).Select(e => e.Status));
        Assert.NotEqual(AlertEventStatus.Resolved, events[2].Status);
        Assert.Equal([NotificationPurpose.Fired, NotificationPurpose.Resolved, NotificationPurpose.Fired, NotificationPurpose.Resolved,
            NotificationPurpose.Fired], sent);
    }
}
