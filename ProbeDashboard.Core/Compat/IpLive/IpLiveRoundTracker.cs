using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ProbeDashboard.Core.Cluster;
using ProbeDashboard.Core.Events;
using ProbeDashboard.Core.Notifications;
using ProbeDashboard.Core.Results;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Compat.IpLive;

/// <summary>
/// Follows committed results of iplive monitors and, when a group's round is finished (<see cref="IpLiveRound"/>),
/// queues the app's callback in the notification outbox, which delivers and retries it. Rounds in progress live in
/// memory: a restart loses at most the round being collected, never a queued callback.
/// <para>
/// In a cluster a group's results are committed by several nodes (its monitors are probed where the rendezvous hash
/// puts each (monitor, host) round, and agents post to any node). Every node therefore follows every committed batch,
/// its own and its peers' (which cross over Redis anyway, for the live views), so each sees whole rounds; and only the
/// group's owner (<see cref="ClusterMembership.OwnsIpLiveGroup"/>, the same hash over the live nodes) queues the
/// callback. That is simpler than re-assembling rounds from the database under a lock, and needs no new table. The
/// cost: peers' events are best effort, so while Redis is down the owner's rounds are cut short (partial callbacks)
/// and a node that just took a group over starts it with a partial round.
/// </para>
/// </summary>
public sealed partial class IpLiveRoundTracker(
    IDbContextFactory<ProbeDbContext> dbFactory, EventBus events, NotificationSignal signal, ClusterMembership membership,
    TimeProvider time, ILogger<IpLiveRoundTracker> logger) : BackgroundService
{
    private readonly Dictionary<int, (int IntervalSeconds, IpLiveRound Round)> _rounds = [];
    // Subscribed at construction so no batch committed during start-up is missed; peers' batches too (see above).
    private readonly EventSubscription<ProbeResultsCommitted> _subscription =
        events.Subscribe<ProbeResultsCommitted>(capacity: 4096, includePeerEvents: membership.Enabled);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var batch in _subscription.Reader.ReadAllAsync(stoppingToken))
            {
                try { await HandleAsync(batch.Results, stoppingToken); }
                catch (Exception e) when (e is not OperationCanceledException) { LogFailed(logger, e); }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }

    /// <summary>Feeds one committed batch to the rounds of the groups it concerns.</summary>
    public async Task HandleAsync(IReadOnlyList<ProbeResult> results, CancellationToken cancellationToken)
    {
        var monitorIds = results.Select(r => r.MonitorId).Distinct().ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var groupIds = await db.IpLiveRecords.Where(r => monitorIds.Contains(r.MonitorId))
            .Select(r => r.IpLiveGroupId).Distinct().ToListAsync(cancellationToken);
        if (groupIds.Count == 0) return;

        var groups = await (from g in db.IpLiveGroups.Include(g => g.Records)
                            join a in db.IpLiveApps on g.AppId equals a.Id
                            where groupIds.Contains(g.Id)
                            select new { Group = g, a.CallbackUrl }).AsNoTracking().ToListAsync(cancellationToken);
        var groupMonitorIds = groups.SelectMany(g => g.Group.Records.Select(r => r.MonitorId)).ToList();
        var placement = await db.Monitors.Where(m => groupMonitorIds.Contains(m.Id) && m.Enabled)
            .Select(m => new { m.Id, m.ExecuteOnHostIds }).ToDictionaryAsync(m => m.Id, m => Math.Max(1, m.ExecuteOnHostIds.Count), cancellationToken);

        var now = time.GetUtcNow().UtcDateTime;
        var queued = 0;
        foreach (var entry in groups)
        {
            var group = entry.Group;
            var expected = group.Records.Where(r => placement.ContainsKey(r.MonitorId)).ToDictionary(r => r.MonitorId, r => placement[r.MonitorId]);
            var round = RoundOf(group);
            foreach (var result in results.Where(r => expected.ContainsKey(r.MonitorId)).OrderBy(r => r.Timestamp))
            foreach (var finished in round.Add(result, expected))
            {
                if (entry.CallbackUrl is null || !membership.OwnsIpLiveGroup(group.Id, now)) continue;
                db.NotificationOutbox.Add(Callback(group, entry.CallbackUrl, finished, now));
                queued++;
            }
        }
        if (queued == 0) return;
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
    }

    private IpLiveRound RoundOf(IpLiveGroup group)
    {
        if (_rounds.TryGetValue(group.Id, out var known) && known.IntervalSeconds == group.IntervalSeconds) return known.Round;
        var round = new IpLiveRound(TimeSpan.FromSeconds(group.IntervalSeconds));
        _rounds[group.Id] = (group.IntervalSeconds, round);
        return round;
    }

    /// <summary>
    /// Seed 002's call_back_to_php: per record status "1" when some probe host reached it in the round ("0" when
    /// none did) and res_time, the mean latency of the successful probes in whole milliseconds.
    /// </summary>
    public static JsonObject Payload(IpLiveGroup group, IpLiveRoundResult round)
    {
        var result = new JsonArray();
        foreach (var record in group.Records.OrderBy(r => r.RecordId))
        {
            if (!round.ByMonitor.TryGetValue(record.MonitorId, out var probes)) continue;
            var good = probes.Where(p => p.Success).ToList();
            result.Add(new JsonObject
            {
                ["record_id"] = record.RecordId.ToString(CultureInfo.InvariantCulture),
                ["status"] = good.Count > 0 ? "1" : "0",
                ["res_time"] = good.Count > 0 ? (int)Math.Round(good.Average(p => p.LatencyMs)) : 0,
            });
        }
        return new JsonObject
        {
            ["group_id"] = group.GroupId,
            ["timestamp"] = new DateTimeOffset(round.StartedAt, TimeSpan.Zero).ToUnixTimeSeconds(),
            ["result"] = result,
        };
    }

    private static NotificationOutboxEntry Callback(IpLiveGroup group, string url, IpLiveRoundResult round, DateTime now) => new()
    {
        Purpose = NotificationPurpose.IpLiveRound,
        Channel = NotificationChannelKind.IpLiveCallback,
        Address = url,
        Subject = $"iplive group {group.GroupId} round {round.StartedAt:u}",
        Body = "",
        PayloadJson = Payload(group, round).ToJsonString(),
        CreatedAt = now,
        NextAttemptAt = now,
    };

    public override void Dispose()
    {
        _subscription.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "iplive round tracking failed for a result batch")]
    private static partial void LogFailed(ILogger logger, Exception error);
}
