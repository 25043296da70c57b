using System.Collections.Concurrent;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Monitors;

namespace ProbeDashboard.Monitors;

/// <summary>One page of the monitors list as the dashboard shows it: the rows and each row's heartbeat rounds.</summary>
public sealed record MonitorListView(MonitorListPage Page, IReadOnlyDictionary<int, IReadOnlyList<HeartbeatRound>> Rounds);

/// <summary>
/// Shares list pages between the dashboards that are open on them. A committed batch of results reaches every open
/// monitors page at once, and operators mostly look at the same first page: without sharing, fifty open dashboards
/// ran fifty identical page queries per batch. A page is shared only with a caller whose last event came before the
/// page's query started, so what a dashboard shows is never older than what a query of its own would have read.
/// </summary>
public sealed class MonitorListPageCache(MonitorQueries queries, TimeProvider time)
{
    /// <summary>Pages whose query started longer ago than this are dropped when a new one is added.</summary>
    private static readonly TimeSpan KeptFor = TimeSpan.FromSeconds(10);
    private const int MaxPages = 256;

    private sealed record Key(MonitorListFilter Filter, MonitorSort Sort, int Skip, int Take);
    private sealed record Entry(Task<MonitorListView> View, long StartedAt);

    private readonly ConcurrentDictionary<Key, Entry> _pages = new();

    /// <param name="notBefore">
    /// A <see cref="TimeProvider.GetTimestamp"/> value: only a page whose query started at or after it is shared. A live
    /// refresh passes the time of the event that asked for it; anything else passes now, which always reads afresh.
    /// </param>
    public async Task<MonitorListView> GetAsync(Actor actor, MonitorListFilter filter, MonitorSort sort, int skip, int take, long notBefore, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.ServiceMonitorsRead);
        var key = new Key(filter, sort, skip, take);
        var entry = _pages.AddOrUpdate(key,
            _ => Start(actor, key),
            (_, kept) => kept.StartedAt >= notBefore && !kept.View.IsFaulted && !kept.View.IsCanceled ? kept : Start(actor, key));
        if (_pages.Count > MaxPages) Prune();
        return await entry.View.WaitAsync(cancellationToken);
    }

    private Entry Start(Actor actor, Key key)
    {
        var startedAt = time.GetTimestamp();
        // Not the caller's token: other dashboards may be waiting for this page when the first one goes away.
        return new Entry(LoadAsync(actor, key), startedAt);
    }

    private async Task<MonitorListView> LoadAsync(Actor actor, Key key)
    {
        await Task.Yield();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var page = await queries.ListAsync(actor, key.Filter, key.Sort, key.Skip, key.Take, timeout.Token);
        var rounds = await queries.GetHeartbeatsAsync(actor, [.. page.Rows.Select(r => r.Id)], MonitorQueries.ListHeartbeatRounds, timeout.Token);
        return new MonitorListView(page, rounds);
    }

    private void Prune()
    {
        foreach (var (key, entry) in _pages)
            if (time.GetElapsedTime(entry.StartedAt) > KeptFor) _pages.TryRemove(new KeyValuePair<Key, Entry>(key, entry));
    }
}
