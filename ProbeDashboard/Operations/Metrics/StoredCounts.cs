using Microsoft.EntityFrameworkCore;
using Prometheus;
using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Notifications;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Operations.Metrics;

/// <summary>
/// The gauges /metrics reports from the database: three GROUP BY queries over indexed columns, run before a
/// scrape and cached for a few seconds, so a scraper polling fast (or several of them) costs the database almost nothing.
/// </summary>
public sealed class StoredCounts
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);
    private readonly IDbContextFactory<ProbeDbContext> _dbFactory;
    private readonly TimeProvider _time;
    private readonly Gauge _alertEvents;
    private readonly Gauge _deliveries;
    private readonly Gauge _agentsOnline;
    private readonly Gauge _agents;
    private readonly SemaphoreSlim _refresh = new(1, 1);
    // Timestamp ticks of the last read, 0 before the first; a long so a scrape checking it unlocked never sees half a value.
    private long _readAtTicks;

    public StoredCounts(IDbContextFactory<ProbeDbContext> dbFactory, TimeProvider time, CollectorRegistry registry)
    {
        _dbFactory = dbFactory;
        _time = time;
        var metrics = Prometheus.Metrics.WithCustomRegistry(registry);
        _alertEvents = metrics.CreateGauge("probedashboard_alert_events", "Alert events in the database, by state.", "state");
        _deliveries = metrics.CreateGauge("probedashboard_notification_deliveries", "Notification messages in the outbox, by delivery status.", "status");
        _agentsOnline = metrics.CreateGauge("probedashboard_agents_online", "Remote probe agents online now.");
        _agents = metrics.CreateGauge("probedashboard_agents", "Remote probe agents known.");
        registry.AddBeforeCollectCallback(RefreshAsync);
    }

    private bool Fresh => Volatile.Read(ref _readAtTicks) is var ticks and > 0 && _time.GetUtcNow().UtcTicks - ticks < CacheFor.Ticks;

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        if (Fresh) return;
        // Scrapes may run side by side; one of them reads, the others find the fresh values.
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (!Fresh) await ReadAsync(cancellationToken);
        }
        finally
        {
            _refresh.Release();
        }
    }

    private async Task ReadAsync(CancellationToken cancellationToken)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        var events = await db.AlertEvents.GroupBy(e => e.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var deliveries = await db.NotificationOutbox.GroupBy(o => o.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var agents = await db.Hosts.Where(h => !h.IsServer && h.ClusterNodeName == null).GroupBy(h => h.Online).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

        foreach (var state in Enum.GetValues<AlertEventStatus>())
            _alertEvents.WithLabels(Label(state)).Set(events.GetValueOrDefault(state));
        foreach (var status in Enum.GetValues<OutboxStatus>())
            _deliveries.WithLabels(Label(status)).Set(deliveries.GetValueOrDefault(status));
        _agentsOnline.Set(agents.GetValueOrDefault(true));
        _agents.Set(agents.Values.Sum());
        Volatile.Write(ref _readAtTicks, _time.GetUtcNow().UtcTicks);
    }

    private static string Label<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();
}
