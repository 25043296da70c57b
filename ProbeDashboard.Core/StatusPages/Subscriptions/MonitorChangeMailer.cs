using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProbeDashboard.Core.Events;
using ProbeDashboard.Core.Maintenance;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.StatusPages.Subscriptions;

/// <summary>
/// Mails a published page's confirmed subscribers when a monitor on it goes down or recovers. Changes are gathered
/// for <see cref="SubscriptionOptions.CoalesceMs"/> after the first one, so several monitors failing together (or
/// one flapping) make one mail per page, not a storm. A monitor in a maintenance window is not announced: the page
/// already shows it under maintenance. The state before each change is kept in memory, seeded from the table at start;
/// changes whose mails could not be queued (the database refused) are kept and tried again with a growing pause.
/// </summary>
public sealed partial class MonitorChangeMailer(EventBus bus, IDbContextFactory<ProbeDbContext> dbFactory, SubscriberMail mail,
    MaintenanceCalendar maintenance, IOptions<SubscriptionOptions> options, TimeProvider time, ILogger<MonitorChangeMailer> logger) : BackgroundService
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromMinutes(1);
    /// <summary>How often the queue is emptied into the pending changes while a mail is being gathered or retried.</summary>
    private static readonly TimeSpan DrainEvery = TimeSpan.FromMilliseconds(250);

    private readonly Dictionary<int, MonitorStatus> _known = [];
    private volatile Func<int>? _queued;
    private volatile bool _gathering;

    /// <summary>True when every change published so far has been mailed or judged not worth a mail (tests wait for it).</summary>
    internal bool IsIdle => _queued is { } queued && queued() == 0 && !_gathering;

    /// <summary>Passes whose mails the database refused (tests wait for one).</summary>
    internal int FailedPasses => Volatile.Read(ref _failedPasses);
    private int _failedPasses;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Subscribed before the first await, so no change published once the host has started is missed.
        using var changes = bus.Subscribe<MonitorStatusChanged>(capacity: 16_384);
        await using (var db = await dbFactory.CreateDbContextAsync(stoppingToken))
            foreach (var m in await db.Monitors.AsNoTracking().Select(m => new { m.Id, m.Current.Status }).ToListAsync(stoppingToken))
                _known[m.Id] = m.Status;
        _queued = () => changes.Reader.Count;
        var pending = new Dictionary<int, (MonitorStatus Before, MonitorStatus After)>();
        var retryIn = TimeSpan.Zero;
        try
        {
            // Changes that could not be queued stay pending and are tried again (new changes merge into them): the
            // state before each change is already forgotten, so dropping them would lose the news for good.
            while (pending.Count > 0 || await changes.Reader.WaitToReadAsync(stoppingToken))
            {
                _gathering = true;
                Take(changes, pending);
                var wait = retryIn > TimeSpan.Zero ? retryIn : TimeSpan.FromMilliseconds(options.Value.CoalesceMs);
                await GatherAsync(changes, pending, wait, stoppingToken);
                try
                {
                    await MailAsync(pending, stoppingToken);
                    pending.Clear();
                    retryIn = TimeSpan.Zero;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    Interlocked.Increment(ref _failedPasses);
                    retryIn = retryIn == TimeSpan.Zero ? FirstRetry : TimeSpan.FromTicks(Math.Min(retryIn.Ticks * 2, LongestRetry.Ticks));
                    LogFailed(e, pending.Count, retryIn.TotalSeconds);
                }
                _gathering = pending.Count > 0;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }

    /// <summary>
    /// Waits <paramref name="wait"/> (the coalescing window, or a retry's pause), emptying the queue into
    /// <paramref name="pending"/> as it goes. Waiting first and taking after let the queue overflow when more monitors
    /// changed within the window than it holds: 20,000 monitors going from unknown to online after a start dropped about
    /// 3,500 changes (the bench's "bus messages dropped"). Pending changes are one entry per monitor, so this is bounded.
    /// </summary>
    private async Task GatherAsync(EventSubscription<MonitorStatusChanged> changes, Dictionary<int, (MonitorStatus Before, MonitorStatus After)> pending,
        TimeSpan wait, CancellationToken stoppingToken)
    {
        for (var left = wait; left > TimeSpan.Zero; left -= DrainEvery)
        {
            await Task.Delay(left < DrainEvery ? left : DrainEvery, time, stoppingToken);
            Take(changes, pending);
        }
        Take(changes, pending);
    }

    private void Take(EventSubscription<MonitorStatusChanged> changes, Dictionary<int, (MonitorStatus Before, MonitorStatus After)> pending)
    {
        while (changes.Reader.TryRead(out var change))
        {
            var before = _known.GetValueOrDefault(change.MonitorId, MonitorStatus.Unknown);
            _known[change.MonitorId] = change.Status;
            pending[change.MonitorId] = (pending.TryGetValue(change.MonitorId, out var first) ? first.Before : before, change.Status);
        }
    }

    private async Task MailAsync(Dictionary<int, (MonitorStatus Before, MonitorStatus After)> pending, CancellationToken cancellationToken)
    {
        // Down is news from any other state; up is news only after down (not after a restart, an edit or enabling).
        var news = pending.Where(p => p.Value.Before != p.Value.After && (p.Value.After == MonitorStatus.Offline || p.Value.Before == MonitorStatus.Offline && p.Value.After == MonitorStatus.Online))
            .ToDictionary(p => p.Key, p => p.Value.After == MonitorStatus.Offline);
        if (news.Count == 0) return;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var muted = (await maintenance.ActiveAsync(db, now, cancellationToken)).MonitorIds;
        var ids = news.Keys.Where(id => !muted.Contains(id)).ToList();
        if (ids.Count == 0) return;

        var shown = await (from p in db.StatusPages
                           where p.Published
                           from s in p.Sections
                           from i in s.Items
                           where ids.Contains(i.MonitorId)
                           join m in db.Monitors on i.MonitorId equals m.Id
                           orderby p.Id, s.Position, i.Position
                           select new { PageId = p.Id, i.MonitorId, Name = i.DisplayName ?? m.Name }).AsNoTracking().ToListAsync(cancellationToken);
        var queued = 0;
        foreach (var page in shown.GroupBy(x => x.PageId))
        {
            List<(string Name, bool Down)> lines = [.. page.DistinctBy(x => x.MonitorId).Select(x => (x.Name, news[x.MonitorId]))];
            queued += await mail.QueueToSubscribersAsync(db, page.Key, (p, lang) =>
                (SubscriptionMailText.ChangeSubject(lang, p.Title, lines), SubscriptionMailText.ChangeBody(lang, lines)), now, cancellationToken);
        }
        if (queued == 0) return;
        await db.SaveChangesAsync(cancellationToken);
        mail.WakeDispatcher();
        LogQueued(queued, ids.Count);
    }

    [LoggerMessage(LogLevel.Information, "Queued {Count} status page subscriber mails about {MonitorCount} monitor changes")]
    private partial void LogQueued(int count, int monitorCount);

    [LoggerMessage(LogLevel.Error, "Status page subscriber mails about {MonitorCount} monitor changes could not be queued; trying again in {Seconds} s")]
    private partial void LogFailed(Exception exception, int monitorCount, double seconds);
}
