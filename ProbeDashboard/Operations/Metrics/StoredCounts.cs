using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Notifications;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Operations.Metrics;

/// <summary>What /metrics reports from the database, read at one instant.</summary>
public sealed record StoredCountsSnapshot(
    IReadOnlyDictionary<AlertEventStatus, int> AlertEventsByStatus,
    IReadOnlyDictionary<OutboxStatus, int> DeliveriesByStatus,
    int AgentsOnline,
    int AgentsTotal);

/// <summary>
/// Counts that live in the database: three GROUP BY queries over indexed columns, cached for a few seconds so
/// a scraper polling fast (or several of them) costs the database almost nothing.
/// </summary>
public sealed class StoredCounts(IDbContextFactory<ProbeDbContext> dbFactory, TimeProvider time)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private (StoredCountsSnapshot Counts, DateTimeOffset At)? _cached;

    public async Task<StoredCountsSnapshot> GetAsync(CancellationToken cancellationToken)
    {
        if (Fresh() is { } fresh) return fresh;
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (Fresh() is { } refreshed) return refreshed;
            var counts = await ReadAsync(cancellationToken);
            _cached = (counts, time.GetUtcNow());
            return counts;
        }
        finally
        {
            _refresh.Release();
        }
    }

    private StoredCountsSnapshot? Fresh() =>
        _cached is { } cached && time.GetUtcNow() - cached.At < CacheFor ? cached.Counts : null;

    private async Task<StoredCountsSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var events = await db.AlertEvents.GroupBy(e => e.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var deliveries = await db.NotificationOutbox.GroupBy(o => o.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var agents = await db.Hosts.Where(h => !h.IsServer).GroupBy(h => h.Online).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return new StoredCountsSnapshot(events, deliveries, agents.GetValueOrDefault(true), agents.Values.Sum());
    }
}
